package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;
import org.scipionj.testing.Anchors;

/**
 * The real RELION STAR files of {@code shared/anchors/realdata} (README there: RELION 4 and 5 runs on EMPIAR-10204,
 * a RELION 3.1 tomography run, a cryoDRGN RELION 3.1 particle file, a Scipion-written particles.star), by kind, and
 * the structural comparison: the same blocks in the same order, and our columns (or key-value keys) a subset of the
 * ones the real files of that kind use.
 */
final class RelionFiles {

    static final List<String> MOVIES = List.of("realdata/relion5_betagal_empiar10204/Import/job001/movies.star");
    static final List<String> CORRECTED = List.of(
            "realdata/relion5_betagal_empiar10204/MotionCorr/job002/corrected_micrographs.star",
            "realdata/em_testdata_relion4_betagal/corrected_micrographs.star",
            "realdata/relion31_tomo_empiar10164/relion_motion_correction_output.star");
    static final List<String> MOTION = List.of(
            "realdata/relion5_betagal_empiar10204/MotionCorr/job002/Movies/20170629_00021_frameImage.star",
            "realdata/em_testdata_relion4_betagal/movie_frameImage.star");
    static final List<String> CTF = List.of(
            "realdata/relion5_betagal_empiar10204/CtfFind/job005/micrographs_ctf.star",
            "realdata/em_testdata_relion4_betagal/micrographs_ctf.star",
            "realdata/relion31_tomo_empiar10164/relion_ctf_estimation_output.star");
    static final List<String> COORDINATE_INDEX = List.of(
            "realdata/relion5_betagal_empiar10204/AutoPick/job008/autopick.star",
            "realdata/em_testdata_relion4_betagal/autopick.star",
            "realdata/relion5_betagal_empiar10204/ManualPick/job006/manualpick.star");
    static final List<String> COORDINATES = List.of(
            "realdata/relion5_betagal_empiar10204/AutoPick/job008/Movies/20170629_00021_frameImage_autopick.star",
            "realdata/em_testdata_relion4_betagal/20170629_00049_frameImage_autopick.star");
    static final List<String> PARTICLES = List.of("realdata/cryodrgn_tests/relion31.star",
            "realdata/em_testdata_relion4_betagal/particles_1k.star");

    private RelionFiles() {
    }

    static List<String> blockNames(StarFile f) {
        return f.blocks().stream().map(StarBlock::name).toList();
    }

    static Set<String> labels(StarBlock b) {
        return new LinkedHashSet<>(b.isTable() ? b.columns() : b.pairs().keySet());
    }

    /**
     * Asserts that {@code ours} has the blocks of every real file of the kind, in order, and that each of our blocks
     * uses only labels the real files use in that block (the union over the files: they differ among themselves).
     */
    static void assertSameStructure(Path ours, List<String> kind) throws Exception {
        assertStructure(ours, kind, false);
    }

    /**
     * As {@link #assertSameStructure}, but our blocks may be the first blocks of the real files' (RELION's motion
     * metadata without a local motion model ends after {@code data_global_shift}).
     */
    static void assertStructure(Path ours, List<String> kind, boolean leadingBlocks) throws Exception {
        StarFile mine = StarFile.read(ours);
        List<StarFile> real = new ArrayList<>();
        for (String r : kind) {
            real.add(StarFile.read(Anchors.file(r)));
        }
        for (int i = 0; i < real.size(); i++) {
            List<String> expected = blockNames(real.get(i));
            if (leadingBlocks && expected.size() > mine.blocks().size()) {
                expected = expected.subList(0, mine.blocks().size());
            }
            assertEquals(expected, blockNames(mine), "blocks of " + ours + " vs " + kind.get(i));
        }
        for (StarBlock b : mine.blocks()) {
            Set<String> known = new LinkedHashSet<>();
            for (StarFile r : real) {
                r.block(b.name()).ifPresent(rb -> known.addAll(labels(rb)));
            }
            assertEquals(b.isTable(), real.get(0).block(b.name()).orElseThrow().isTable(), "data_" + b.name()
                    + " is a loop in the real files iff it is in ours");
            Set<String> extra = new LinkedHashSet<>(labels(b));
            extra.removeAll(known);
            assertTrue(extra.isEmpty(), "data_" + b.name() + " of " + ours.getFileName() + " has labels no real "
                    + "RELION file of its kind has: " + extra + "; real: " + known);
        }
    }
}
