package org.scipionj.simulator;

import java.util.List;

/**
 * What a {@code testdata} run wrote, as {@code dataset.json} in the output folder: written when it starts (with
 * {@code complete = false} and no movies), after each movie, and when it ends.
 *
 * @param schema {@link #SCHEMA}
 * @param preset preset id
 * @param seed dataset seed
 * @param count movies asked for
 * @param complete true once every movie is written
 * @param options every option the movies were simulated with
 * @param movies file names of the movies written so far, in order
 * @param gainReference file name of the gain reference (null without gain)
 * @param defects file name of the defect list (null without gain)
 */
public record DatasetSummary(String schema, String preset, long seed, int count, boolean complete,
                             SimulationOptions options, List<String> movies, String gainReference, String defects) {

    /** The value of {@link #schema()} for this version of the format. */
    public static final String SCHEMA = "scipionj-simulator-dataset/1";

    public DatasetSummary {
        movies = List.copyOf(movies);
    }
}
