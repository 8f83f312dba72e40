package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.project.ScipionException;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * Coordinates as RELION 4's AutoPick job writes them: one {@code Coordinates/MICROGRAPH_autopick.star} per
 * micrograph (an unnamed {@code data_} loop of {@code rlnCoordinateX/Y} in micrograph pixels,
 * {@code rlnAutopickFigureOfMerit} = the picker's score, {@code rlnClassNumber} 0 and {@code rlnAnglePsi} 0 as
 * RELION's LoG picker writes them) and the index {@code coordinate_files.star} ({@code data_coordinate_files}:
 * {@code rlnMicrographName}, {@code rlnMicrographCoordinates}). Stateless.
 */
final class CoordinateTables {

    static final String INDEX = "coordinate_files.star";

    private CoordinateTables() {
    }

    static Written write(List<Coordinate> coords, Lineage lineage, ExportFolder folder) throws IOException {
        Map<Long, List<Coordinate>> byMicrograph = new LinkedHashMap<>();
        coords.forEach(c -> byMicrograph.computeIfAbsent(c.micrographId(), k -> new ArrayList<>()).add(c));
        StarBlock.Builder index = StarBlock.table("coordinate_files",
                List.of("rlnMicrographName", "rlnMicrographCoordinates"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Long, List<Coordinate>> e : byMicrograph.entrySet()) {
            Micrograph m = lineage.find(Micrograph.class, e.getKey()).orElseThrow(() -> new ScipionException(
                    "coordinates on micrograph id " + e.getKey() + " have no micrograph upstream of the run; "
                    + "export a picking run whose input comes from this project's micrographs"));
            StarBlock.Builder picks = StarBlock.table("", List.of("rlnCoordinateX", "rlnCoordinateY",
                    "rlnAutopickFigureOfMerit", "rlnClassNumber", "rlnAnglePsi"));
            for (Coordinate c : e.getValue()) {
                picks.addRow(StarNumbers.decimal(c.x_px()), StarNumbers.decimal(c.y_px()),
                        StarNumbers.decimal(c.score()), 0, StarNumbers.decimal(0));
            }
            Path file = folder.file("Coordinates/" + MicrographTable.stem(m.file()) + "_autopick.star");
            new StarFile(List.of(picks.build())).write(file);
            files.add(file);
            index.addRow(folder.data(m.file(), "Micrographs"), folder.name(file));
        }
        Path out = folder.file(INDEX);
        new StarFile(List.of(index.build())).write(out);
        files.add(0, out);
        return new Written(out, byMicrograph.size(), files, List.of(coords.size() + " coordinates on "
                + byMicrograph.size() + " micrograph(s)"));
    }
}
