package org.scipionj.image.process;

import java.util.Arrays;

import org.scipionj.image.Frame;

/**
 * Exact percentiles, defined as numpy's default ({@code linear}): percentile {@code p} of {@code n} sorted values
 * {@code v} is {@code v[i] + f (v[i+1] - v[i])} with {@code i + f = p/100 (n-1)}. Uses quickselect with three-way
 * partitioning on a copy (expected linear time; robust to many equal values), so the input is not changed.
 * Values are expected to hold no NaN. Stateless and thread-safe.
 *
 * <pre>{@code
 * double[] lowHigh = Percentiles.of(frame, 0.5, 99.5);
 * }</pre>
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percents} (each in {@code [0, 100]}) of {@code frame}'s pixels, in the order asked. */
    public static double[] of(Frame frame, double... percents) {
        return of(frame.data(), percents);
    }

    /** The {@code percents} (each in {@code [0, 100]}) of {@code values}, in the order asked. */
    public static double[] of(float[] values, double... percents) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        Integer[] order = new Integer[percents.length];
        for (int i = 0; i < percents.length; i++) {
            if (!(percents[i] >= 0 && percents[i] <= 100)) {
                throw new IllegalArgumentException("a percentile must be in [0, 100], got " + percents[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(percents[p], percents[q]));
        float[] a = values.clone();
        int n = a.length;
        double[] result = new double[percents.length];
        int from = 0; // NB: after selecting rank k, everything from k on is >= a[k]; later ranks search only there
        for (int j : order) {
            double position = percents[j] / 100 * (n - 1);
            int k = (int) Math.floor(position);
            double f = position - k;
            select(a, from, n - 1, k);
            from = k;
            double v = a[k];
            if (f > 0 && k + 1 < n) {
                float next = a[k + 1];
                for (int i = k + 2; i < n; i++) {
                    next = Math.min(next, a[i]);
                }
                v += f * (next - v);
            }
            result[j] = v;
        }
        return result;
    }

    /** Rearranges {@code a[lo..hi]} so that {@code a[k]} holds the value of rank {@code k}, smaller ones before. */
    private static void select(float[] a, int lo, int hi, int k) {
        long seed = 0x9E3779B97F4A7C15L;
        while (lo < hi) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int span = hi - lo + 1;
            float pivot = a[lo + (int) Math.floorMod(seed >>> 17, (long) span)];
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                float v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }
}
