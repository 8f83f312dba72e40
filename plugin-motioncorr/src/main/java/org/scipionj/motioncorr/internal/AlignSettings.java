package org.scipionj.motioncorr.internal;

/**
 * What the native aligner does with one movie, resolved from the protocol parameters and the movie (frame ranges
 * are 0-based and inclusive here, unlike Scipion's 1-based {@code alignFrame0}/{@code alignFrameN}). Immutable.
 *
 * @param alignFirst first frame aligned
 * @param alignLast last frame aligned
 * @param sumFirst first frame summed (within the aligned range)
 * @param sumLast last frame summed
 * @param patchX patches across (0 or 1 with {@code patchY} 0 or 1: global alignment only)
 * @param patchY patches down
 * @param patchOverlap overlap of neighbouring patches, percent of the patch size
 * @param group frames summed per group for the global alignment
 * @param groupLocal frames summed per group for the patch alignment
 * @param tol stop iterating when no shift changes by this much, movie pixels
 * @param maxIterations iterations at most
 * @param bGlobal B-factor of the global alignment, movie px² (MotionCor2's first {@code -Bft})
 * @param bLocal B-factor of the patch alignment, movie px²
 * @param pixelSize Å per movie pixel
 * @param doseWeighting whether to make the dose-weighted sum
 * @param plainSum whether to make the unweighted sum
 * @param doseInitial exposure before the first frame, e/Å²
 * @param dosePerFrame exposure per frame, e/Å²
 * @param voltage_kV acceleration voltage
 * @param binFactor Fourier binning of the sums (1: none)
 */
record AlignSettings(int alignFirst, int alignLast, int sumFirst, int sumLast, int patchX, int patchY,
                     int patchOverlap, int group, int groupLocal, double tol, int maxIterations, double bGlobal,
                     double bLocal, double pixelSize, boolean doseWeighting, boolean plainSum, double doseInitial,
                     double dosePerFrame, double voltage_kV, double binFactor) {

    /** Whether patches are aligned (MotionCor2: a 1 in either direction counts as 0). */
    boolean local() {
        return patchX > 1 || patchY > 1;
    }

    /** Number of frames aligned. */
    int alignedFrames() {
        return alignLast - alignFirst + 1;
    }

    /** Number of frames summed. */
    int summedFrames() {
        return sumLast - sumFirst + 1;
    }

    /** Default settings for {@code frames} frames at {@code pixelSize} (tests and benchmarks). */
    static AlignSettings defaults(int frames, double pixelSize, double dosePerFrame) {
        return new AlignSettings(0, frames - 1, 0, frames - 1, 5, 5, 0, 1, 4, 0.2, 7, 150, 150, pixelSize, true,
                true, 0, dosePerFrame, 300, 1);
    }

    AlignSettings withPatches(int x, int y) {
        return new AlignSettings(alignFirst, alignLast, sumFirst, sumLast, x, y, patchOverlap, group, groupLocal, tol,
                maxIterations, bGlobal, bLocal, pixelSize, doseWeighting, plainSum, doseInitial, dosePerFrame,
                voltage_kV, binFactor);
    }

    AlignSettings withGroups(int global, int localGroup) {
        return new AlignSettings(alignFirst, alignLast, sumFirst, sumLast, patchX, patchY, patchOverlap, global,
                localGroup, tol, maxIterations, bGlobal, bLocal, pixelSize, doseWeighting, plainSum, doseInitial,
                dosePerFrame, voltage_kV, binFactor);
    }

    AlignSettings withBinFactor(double bin) {
        return new AlignSettings(alignFirst, alignLast, sumFirst, sumLast, patchX, patchY, patchOverlap, group,
                groupLocal, tol, maxIterations, bGlobal, bLocal, pixelSize, doseWeighting, plainSum, doseInitial,
                dosePerFrame, voltage_kV, bin);
    }
}
