package org.scipionj.image.io.internal;

/**
 * Minimum, maximum, mean and RMS deviation of a stream of values, accumulated in chunks with a
 * per-chunk shift and Chan's pairwise merge, so that a 4096x4096x40 movie of large, nearly equal
 * values keeps an accurate RMS. Not thread-safe.
 */
public final class RunningStats {

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds {@code values[off .. off+len)}. */
    public void add(float[] values, int off, int len) {
        if (len <= 0) {
            return;
        }
        double shift = values[off];
        double s = 0;
        double ss = 0;
        double lo = min;
        double hi = max;
        for (int i = off; i < off + len; i++) {
            double v = values[i];
            double d = v - shift;
            s += d;
            ss += d * d;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        min = lo;
        max = hi;
        double chunkMean = shift + s / len;
        double chunkM2 = Math.max(0, ss - s * s / len);
        long n = count + len;
        double delta = chunkMean - mean;
        mean += delta * len / n;
        m2 += chunkM2 + delta * delta * ((double) count * len / n);
        count = n;
    }

    public long count() {
        return count;
    }

    /** Smallest value seen (0 when empty). */
    public double min() {
        return count == 0 ? 0 : min;
    }

    /** Largest value seen (0 when empty). */
    public double max() {
        return count == 0 ? 0 : max;
    }

    public double mean() {
        return mean;
    }

    /** Population standard deviation (RMS deviation from the mean), as MRC2014's {@code rms}. */
    public double rms() {
        return count == 0 ? 0 : Math.sqrt(m2 / count);
    }
}
