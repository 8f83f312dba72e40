package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * Micrographs as RELION's MotionCorr job writes them, {@code corrected_micrographs.star}: {@code data_optics} and
 * {@code data_micrographs} with {@code rlnMicrographName}, {@code rlnMicrographMetadata} (a {@link MotionMetadata}
 * file per micrograph, in {@code MotionCorr/}), {@code rlnOpticsGroup} and {@code rlnAccumMotionTotal/Early/Late}
 * (Å). Micrographs without motion correction (imported ones) give {@code micrographs.star} with the name and
 * optics group only. A column is written only when every micrograph has its value. Stateless.
 */
final class MicrographTable {

    static final String CORRECTED = "corrected_micrographs.star";
    static final String PLAIN = "micrographs.star";

    private MicrographTable() {
    }

    static Written write(List<Micrograph> mics, Lineage lineage, ExportFolder folder) throws IOException {
        List<Movie> movies = new ArrayList<>();
        boolean metadata = true;
        boolean drift = true;
        for (Micrograph m : mics) {
            Optional<Movie> movie = lineage.find(Movie.class, m.id());
            movies.add(movie.orElse(null));
            metadata &= movie.isPresent() && MotionMetadata.available(movie.get());
            drift &= !Double.isNaN(Attributes.number(m.attributes(), "driftTotal_A"));
        }
        List<String> columns = new ArrayList<>(List.of("rlnMicrographName"));
        if (metadata) {
            columns.add("rlnMicrographMetadata");
        }
        columns.add("rlnOpticsGroup");
        if (drift) {
            columns.addAll(List.of("rlnAccumMotionTotal", "rlnAccumMotionEarly", "rlnAccumMotionLate"));
        }
        OpticsGroups optics = OpticsGroups.forMicrographs();
        StarBlock.Builder table = StarBlock.table("micrographs", columns);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < mics.size(); i++) {
            Micrograph m = mics.get(i);
            Movie movie = movies.get(i);
            List<Object> row = new ArrayList<>();
            String name = folder.data(m.file(), "Micrographs");
            row.add(name);
            if (metadata) {
                Path star = folder.file("MotionCorr/" + stem(m.file()) + ".star");
                MotionMetadata.write(star, movie, m, folder);
                files.add(star);
                row.add(folder.name(star));
            }
            row.add(group(optics, m, movie));
            if (drift) {
                for (String key : List.of("driftTotal_A", "driftEarly_A", "driftLate_A")) {
                    row.add(StarNumbers.decimal(Attributes.number(m.attributes(), key)));
                }
            }
            table.addRow(row.toArray());
        }
        Path out = folder.file(metadata || drift ? CORRECTED : PLAIN);
        new StarFile(List.of(optics.block(), table.build())).write(out);
        files.add(0, out);
        List<String> notes = new ArrayList<>();
        if (!metadata && drift) {
            notes.add("no motion metadata files: the movies with their shifts were not found upstream of the run");
        }
        return new Written(out, mics.size(), files, notes);
    }

    /** The micrograph's optics group; the original pixel size is its movie's when known. */
    static int group(OpticsGroups optics, Micrograph m, Movie movie) {
        double original = movie != null ? movie.samplingRate_Apx() : m.samplingRate_Apx();
        return optics.group(original, m.acquisition(), List.of(StarNumbers.decimal(m.samplingRate_Apx())),
                label(m, movie));
    }

    static Object label(Micrograph m, Movie movie) {
        Object label = m.attributes().get(OpticsGroups.GROUP_ATTRIBUTE);
        return label != null || movie == null ? label : movie.attributes().get(OpticsGroups.GROUP_ATTRIBUTE);
    }

    /** The file name without folder and extension. */
    static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
