package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.project.ScipionException;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * {@code micrographs_ctf.star} as RELION's CtfFind job writes it: {@code data_optics} and {@code data_micrographs}
 * with the micrograph, its optics group, the CTF image ({@code :mrc} appended when its extension is not MRC's, as
 * RELION names CTFFIND's {@code .ctf}), {@code rlnDefocusU/V} (Å), {@code rlnCtfAstigmatism}, {@code rlnDefocusAngle}
 * (degrees), {@code rlnCtfFigureOfMerit}, {@code rlnCtfMaxResolution} (Å), and {@code rlnPhaseShift} (degrees) when
 * any micrograph has one. Micrographs whose CTF could not be estimated (Scipion's defocus −999) are left out and
 * counted in the notes. Stateless.
 */
final class CtfTable {

    static final String FILE = "micrographs_ctf.star";

    private CtfTable() {
    }

    /** Whether a CTF is an estimate (not Scipion's "wrong defocus" marker of a failed one). */
    static boolean estimated(CtfModel c) {
        return c != null && c.defocusU_A() > 0 && c.defocusV_A() > 0 && !c.attributes().containsKey("failure");
    }

    static Written write(List<CtfModel> ctfs, Lineage lineage, ExportFolder folder) throws IOException {
        List<CtfModel> good = ctfs.stream().filter(CtfTable::estimated).toList();
        boolean images = good.stream().allMatch(c -> c.psdFile() != null && !c.psdFile().isBlank());
        boolean phase = good.stream().anyMatch(c -> c.phaseShift_deg() != 0);
        List<String> columns = new ArrayList<>(List.of("rlnMicrographName", "rlnOpticsGroup"));
        if (images) {
            columns.add("rlnCtfImage");
        }
        columns.addAll(List.of("rlnDefocusU", "rlnDefocusV", "rlnCtfAstigmatism", "rlnDefocusAngle",
                "rlnCtfFigureOfMerit", "rlnCtfMaxResolution"));
        if (phase) {
            columns.add("rlnPhaseShift");
        }
        OpticsGroups optics = OpticsGroups.forMicrographs();
        StarBlock.Builder table = StarBlock.table("micrographs", columns);
        for (CtfModel c : good) {
            Micrograph m = lineage.find(Micrograph.class, c.id()).orElseThrow(() -> new ScipionException(
                    "the CTF of micrograph " + c.micrographFile() + " (id " + c.id() + ") has no micrograph upstream "
                    + "of the run, so its pixel size and optics are unknown; export a run whose input comes from "
                    + "this project's micrographs"));
            List<Object> row = new ArrayList<>();
            row.add(folder.data(c.micrographFile(), "Micrographs"));
            row.add(MicrographTable.group(optics, m, lineage.find(Movie.class, c.id()).orElse(null)));
            if (images) {
                row.add(ctfImage(c.psdFile(), folder));
            }
            row.addAll(values(c));
            if (phase) {
                row.add(StarNumbers.decimal(c.phaseShift_deg()));
            }
            table.addRow(row.toArray());
        }
        Path out = folder.file(FILE);
        new StarFile(List.of(optics.block(), table.build())).write(out);
        List<String> notes = new ArrayList<>();
        if (good.size() < ctfs.size()) {
            notes.add((ctfs.size() - good.size()) + " micrograph(s) without a CTF estimate left out");
        }
        return new Written(out, good.size(), List.of(out), notes);
    }

    /** Defocus U, V, astigmatism, angle, figure of merit, max resolution, as RELION orders them. */
    static List<String> values(CtfModel c) {
        return List.of(StarNumbers.decimal(c.defocusU_A()), StarNumbers.decimal(c.defocusV_A()),
                StarNumbers.decimal(c.astigmatism_A()), StarNumbers.decimal(c.defocusAngle_deg()),
                StarNumbers.decimal(c.fitQuality()), StarNumbers.decimal(c.resolution_A()));
    }

    private static String ctfImage(String psd, ExportFolder folder) {
        String name = folder.data(psd, "CtfImages");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".mrc") || lower.endsWith(".mrcs") ? name : name + ":mrc";
    }
}
