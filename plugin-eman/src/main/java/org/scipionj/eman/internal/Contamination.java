package org.scipionj.eman.internal;

import org.scipionj.image.Frame;

/**
 * Local statistics of a (binned) micrograph over a square window of about one particle diameter, from summed-area
 * tables, to recognise ice contamination and carbon: a neighbourhood much darker than usual (for dark particles;
 * brighter for negative stain), or with a much larger standard deviation, than the robust spread (median absolute
 * deviation) of all neighbourhoods of the micrograph. Immutable after construction.
 */
final class Contamination {

    private final int w;
    private final int h;
    private final int half;
    private final double[] sum;
    private final double[] sum2;
    private final double[] meanStats;
    private final double[] sdStats;
    private final boolean dark;

    Contamination(Frame image, double diameter, boolean dark) {
        this.w = image.width();
        this.h = image.height();
        this.half = Math.max(1, (int) Math.round(diameter / 2));
        this.dark = dark;
        float[] d = image.data();
        sum = new double[(w + 1) * (h + 1)];
        sum2 = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            double row2 = 0;
            for (int x = 0; x < w; x++) {
                double v = d[y * w + x];
                row += v;
                row2 += v * v;
                int i = (y + 1) * (w + 1) + x + 1;
                sum[i] = sum[i - (w + 1)] + row;
                sum2[i] = sum2[i - (w + 1)] + row2;
            }
        }
        int step = Math.max(1, half);
        int n = 0;
        float[] means = new float[((w + step - 1) / step) * ((h + step - 1) / step)];
        float[] sds = new float[means.length];
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                double[] ms = at(x, y);
                means[n] = (float) ms[0];
                sds[n++] = (float) ms[1];
            }
        }
        meanStats = PeakSelection.robust(java.util.Arrays.copyOf(means, n));
        sdStats = PeakSelection.robust(java.util.Arrays.copyOf(sds, n));
    }

    /** Mean and standard deviation over the window centred on binned pixel {@code (x, y)}, clipped to the image. */
    double[] at(int x, int y) {
        int x0 = Math.max(0, x - half);
        int y0 = Math.max(0, y - half);
        int x1 = Math.min(w, x + half + 1);
        int y1 = Math.min(h, y + half + 1);
        double n = (double) (x1 - x0) * (y1 - y0);
        double s = box(sum, x0, y0, x1, y1);
        double s2 = box(sum2, x0, y0, x1, y1);
        double mean = s / n;
        return new double[] {mean, Math.sqrt(Math.max(0, s2 / n - mean * mean))};
    }

    /** Whether the neighbourhood of binned position {@code (x, y)} looks like contamination at {@code threshold}. */
    boolean excluded(double x, double y, double threshold) {
        double[] ms = at((int) Math.round(x), (int) Math.round(y));
        double meanSd = meanStats[1] > 0 ? meanStats[1] : 1;
        double sdSd = sdStats[1] > 0 ? sdStats[1] : 1;
        double darker = (dark ? meanStats[0] - ms[0] : ms[0] - meanStats[0]) / meanSd;
        double rougher = (ms[1] - sdStats[0]) / sdSd;
        return darker > threshold || rougher > threshold;
    }

    private double box(double[] t, int x0, int y0, int x1, int y1) {
        int stride = w + 1;
        return t[y1 * stride + x1] - t[y0 * stride + x1] - t[y1 * stride + x0] + t[y0 * stride + x0];
    }
}
