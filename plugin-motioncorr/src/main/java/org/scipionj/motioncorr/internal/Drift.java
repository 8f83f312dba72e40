package org.scipionj.motioncorr.internal;

/**
 * Drift figures of a movie from its per-frame global shifts, as RELION's motion statistics: the accumulated path
 * length over all frames ({@code total}), over the frames whose accumulated exposure is at most
 * {@value #EARLY_EXPOSURE} e/Å² ({@code early}, where beam-induced motion is fastest) and over the rest
 * ({@code late}), in Å; plus the largest distance of a frame from the first, in pixels. Immutable.
 *
 * @param total_A accumulated motion, Å
 * @param early_A accumulated motion up to {@value #EARLY_EXPOSURE} e/Å²
 * @param late_A the rest
 * @param maxShift_px largest shift of a frame from the first aligned frame, pixels
 */
record Drift(double total_A, double early_A, double late_A, double maxShift_px) {

    static final double EARLY_EXPOSURE = 4.0;

    /**
     * @param shifts per aligned frame {x, y}, pixels
     * @param pixelSize Å per pixel
     * @param firstExposure accumulated exposure at the end of the first aligned frame (e/Å²)
     * @param dosePerFrame e/Å² per frame (0 when unknown: then nothing counts as early)
     */
    static Drift of(double[][] shifts, double pixelSize, double firstExposure, double dosePerFrame) {
        double total = 0;
        double early = 0;
        double max = 0;
        for (int f = 1; f < shifts.length; f++) {
            double step = Math.hypot(shifts[f][0] - shifts[f - 1][0], shifts[f][1] - shifts[f - 1][1]) * pixelSize;
            total += step;
            if (dosePerFrame > 0 && firstExposure + f * dosePerFrame <= EARLY_EXPOSURE) {
                early += step;
            }
            max = Math.max(max, Math.hypot(shifts[f][0] - shifts[0][0], shifts[f][1] - shifts[0][1]));
        }
        return new Drift(round(total), round(early), round(total - early), round(max));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
