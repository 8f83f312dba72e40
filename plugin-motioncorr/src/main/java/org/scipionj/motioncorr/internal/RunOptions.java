package org.scipionj.motioncorr.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.Parameters;

/**
 * The typed options of one ProtMotionCorr run, read once from its parameters, and their resolution against each
 * movie ({@link #settings}). Immutable.
 */
record RunOptions(int alignFrame0, int alignFrameN, Integer sumFrame0, Integer sumFrameN, double binFactor,
                  int[] crop, boolean doseWeighting, int patchX, int patchY, int patchOverlap, int group,
                  int groupLocal, double tol, boolean saveUnweighted, boolean saveMicrographs, boolean thumbnail,
                  int gainRot, int gainFlip, Path defectFile, Path defectMap, double bGlobal, double bLocal,
                  int iterations, ExtraParams extra, String gpus, boolean magCorrection, double[] mag,
                  boolean splitEvenOdd, List<String> notes) {

    static RunOptions from(Parameters p) {
        ExtraParams extra = ExtraParams.parse(p.string("extraParams2"));
        double[] b = extra.bFactors(ExtraParams.DEFAULT_B_GLOBAL, ExtraParams.DEFAULT_B_LOCAL);
        List<String> notes = new ArrayList<>();
        if (!extra.unusedNatively().isEmpty()) {
            notes.add("extraParams2 options " + extra.unusedNatively() + " are for MotionCor2 and are not used by the"
                    + " native alignment");
        }
        String gpus = p.string("gpuList");
        Object old = p.get("GPUIDs");
        if ((gpus == null || gpus.isBlank()) && old != null) {
            gpus = String.valueOf(old);
        }
        int px = (int) p.integer("patchX");
        int py = (int) p.integer("patchY");
        return new RunOptions((int) p.integer("alignFrame0"), (int) p.integer("alignFrameN"),
                p.has("sumFrame0") ? (int) p.integer("sumFrame0") : null,
                p.has("sumFrameN") ? (int) p.integer("sumFrameN") : null, p.decimal("binFactor"),
                new int[] {(int) p.integer("cropOffsetX"), (int) p.integer("cropOffsetY"), (int) p.integer("cropDimX"),
                        (int) p.integer("cropDimY")},
                p.bool("doApplyDoseFilter"), px == 1 ? 0 : px, py == 1 ? 0 : py, (int) p.integer("patchOverlap"),
                (int) p.integer("group"), (int) p.integer("groupLocal"), p.decimal("tol"),
                p.bool("doSaveUnweightedMic"), p.bool("doSaveAveMic"), p.bool("doComputeMicThumbnail"),
                p.choice("gainRot"), p.choice("gainFlip"), p.path("defectFile"), p.path("defectMap"), b[0], b[1],
                extra.iterations(7), extra, gpus == null || gpus.isBlank() ? "0" : gpus.trim(), p.bool("doMagCor"),
                new double[] {p.decimal("scaleMaj"), p.decimal("scaleMin"), p.decimal("angDist")},
                p.bool("splitEvenOdd"), List.copyOf(notes));
    }

    /** Whether the dose-weighted sum is written. */
    boolean writesDoseWeighted() {
        return saveMicrographs && doseWeighting;
    }

    /** Whether the unweighted sum is written (Scipion: always without dose weighting, optional with it). */
    boolean writesUnweighted() {
        return saveMicrographs && (!doseWeighting || saveUnweighted);
    }

    /**
     * The aligner settings for {@code movie} ({@code frames} frames, {@code pixelSize} Å/px).
     *
     * @throws IllegalArgumentException when the frame ranges or the dose do not fit this movie, saying what to change
     */
    AlignSettings settings(Movie movie, int frames, double pixelSize) {
        int a0 = alignFrame0;
        int aN = alignFrameN == 0 ? frames : alignFrameN;
        if (a0 > frames || aN > frames || aN < a0) {
            throw new IllegalArgumentException(movie.file() + " has " + frames + " frames but frames " + alignFrame0
                    + " to " + (alignFrameN == 0 ? "the last" : String.valueOf(alignFrameN))
                    + " are to be aligned; fix alignFrame0/alignFrameN (1-based, 0 = last)");
        }
        if (aN - a0 + 1 < 2) {
            throw new IllegalArgumentException(movie.file() + ": at least 2 frames are needed to align, got frames "
                    + a0 + " to " + aN + "; widen alignFrame0/alignFrameN");
        }
        int s0 = sumFrame0 == null ? a0 : Math.max(a0, sumFrame0);
        int sN = sumFrameN == null || sumFrameN == 0 ? aN : Math.min(aN, sumFrameN);
        if (sN < s0) {
            throw new IllegalArgumentException(movie.file() + ": no frame is both aligned (" + a0 + "-" + aN
                    + ") and summed (" + sumFrame0 + "-" + sumFrameN + "); fix sumFrame0/sumFrameN");
        }
        double dose = movie.dosePerFrame_ePerA2();
        if (doseWeighting && !(dose > 0)) {
            throw new IllegalArgumentException(movie.file() + " has no dose per frame, so it cannot be dose"
                    + " weighted; set dosePerFrame in the import, or doApplyDoseFilter false");
        }
        return new AlignSettings(a0 - 1, aN - 1, s0 - 1, sN - 1, patchX, patchY, patchOverlap, group, groupLocal, tol,
                iterations, bGlobal, bLocal, pixelSize, writesDoseWeighted(), writesUnweighted() || !saveMicrographs,
                movie.doseInitial_ePerA2(), dose, movie.acquisition().voltage_kV(), binFactor);
    }
}
