package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scipionj.api.item.Movie;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/** {@code movies.star} as RELION's Import job writes it: {@code data_optics} and {@code data_movies}. Stateless. */
final class MovieTable {

    static final String FILE = "movies.star";

    private MovieTable() {
    }

    static Written write(List<Movie> movies, ExportFolder folder) throws IOException {
        OpticsGroups optics = OpticsGroups.forMovies();
        StarBlock.Builder table = StarBlock.table("movies", List.of("rlnMicrographMovieName", "rlnOpticsGroup"));
        for (Movie m : movies) {
            int group = optics.group(m.samplingRate_Apx(), m.acquisition(), List.of(),
                    m.attributes().get(OpticsGroups.GROUP_ATTRIBUTE));
            table.addRow(folder.data(m.file(), "Movies"), group);
        }
        Path out = folder.file(FILE);
        new StarFile(List.of(optics.block(), table.build())).write(out);
        return new Written(out, movies.size(), List.of(out), List.of());
    }
}
