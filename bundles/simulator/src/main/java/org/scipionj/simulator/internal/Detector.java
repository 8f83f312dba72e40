package org.scipionj.simulator.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The camera's pixel response, the same for every movie of a dataset. A pixel of sensitivity s records a
 * Poisson number of counts of mean {@code s x} (expected electrons x); s = 0 for dead pixels; hot pixels record,
 * on top, Poisson counts of mean {@link Physics#hotRate()} x the mean counts per pixel. The gain reference to
 * <em>multiply</em> raw frames by is {@code 1/s} (0 at dead pixels); hot pixels keep {@code 1/s} and are listed,
 * with the dead ones, in the defect list. Sensitivity: {@code (1 + gainPixelSd n(x, y)) (1 + gainColumnSd m(x))}
 * with n, m standard normal, clamped to [0.3, 1.7]. Immutable after construction, thread-safe to read.
 */
final class Detector {

    private final int width;
    private final int height;
    private final float[] sensitivity;
    private final int[] dead;
    private final int[] hot;
    private final double hotRate;

    private Detector(int width, int height, float[] sensitivity, int[] dead, int[] hot, double hotRate) {
        this.width = width;
        this.height = height;
        this.sensitivity = sensitivity;
        this.dead = dead;
        this.hot = hot;
        this.hotRate = hotRate;
    }

    /** A perfect detector: every sensitivity 1, no defects. */
    static Detector ideal(int width, int height) {
        return new Detector(width, height, null, new int[0], new int[0], 0);
    }

    /** The detector of the dataset with seed {@code seed}. */
    static Detector simulate(int width, int height, long seed, Physics physics) {
        float[] s = new float[width * height];
        SplittableRandom columns = Seeds.random(seed, Seeds.GAIN, -1);
        double[] column = new double[width];
        for (int x = 0; x < width; x++) {
            column[x] = 1 + physics.gainColumnSd() * Seeds.gaussian(columns);
        }
        Loops.forRows(height, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                SplittableRandom r = Seeds.random(seed, Seeds.GAIN, y);
                for (int x = 0; x < width; x++) {
                    double v = (1 + physics.gainPixelSd() * Seeds.gaussian(r)) * column[x];
                    s[y * width + x] = (float) Math.min(1.7, Math.max(0.3, v));
                }
            }
        });
        SplittableRandom r = Seeds.random(seed, Seeds.GAIN, -2);
        int n = width * height;
        int[] dead = pick(r, n, (int) Math.round(physics.deadFraction() * n), null);
        int[] hot = pick(r, n, (int) Math.round(physics.hotFraction() * n), dead);
        for (int i : dead) {
            s[i] = 0;
        }
        return new Detector(width, height, s, dead, hot, physics.hotRate());
    }

    /** {@code count} distinct sorted pixel indices, none in {@code exclude} (sorted, may be null). */
    private static int[] pick(SplittableRandom r, int n, int count, int[] exclude) {
        java.util.BitSet taken = new java.util.BitSet(n);
        if (exclude != null) {
            for (int i : exclude) {
                taken.set(i);
            }
        }
        int[] out = new int[count];
        for (int k = 0; k < count; ) {
            int i = r.nextInt(n);
            if (!taken.get(i)) {
                taken.set(i);
                out[k++] = i;
            }
        }
        Arrays.sort(out);
        return out;
    }

    boolean isIdeal() {
        return sensitivity == null;
    }

    /** Sensitivity of pixel {@code i} (row-major index). */
    float sensitivity(int i) {
        return sensitivity == null ? 1f : sensitivity[i];
    }

    /** The live sensitivity array, or null for an ideal detector. */
    float[] sensitivities() {
        return sensitivity;
    }

    int[] deadPixels() {
        return dead.clone();
    }

    int[] hotPixels() {
        return hot.clone();
    }

    /** Extra mean counts per frame of a hot pixel, for {@code meanCounts} expected counts per pixel per frame. */
    double hotCounts(double meanCounts) {
        return hotRate * Math.max(1, meanCounts);
    }

    /** The gain reference: {@code 1/s}, 0 at dead pixels; all ones for an ideal detector. */
    float[] gainReference() {
        float[] g = new float[width * height];
        for (int i = 0; i < g.length; i++) {
            float s = sensitivity(i);
            g[i] = s > 0 ? 1f / s : 0f;
        }
        return g;
    }

    /** The defect list in MotionCor2's {@code -DefectFile} format: {@code x y 1 1} per dead or hot pixel. */
    String defectList() {
        StringBuilder out = new StringBuilder();
        int[] all = new int[dead.length + hot.length];
        System.arraycopy(dead, 0, all, 0, dead.length);
        System.arraycopy(hot, 0, all, dead.length, hot.length);
        Arrays.sort(all);
        for (int i : all) {
            out.append(i % width).append(' ').append(i / width).append(" 1 1\n");
        }
        return out.toString();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
