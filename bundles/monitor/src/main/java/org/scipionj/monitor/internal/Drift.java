package org.scipionj.monitor.internal;

import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Micrograph;

/**
 * Drift of a movie from its micrograph's attributes, as motion correction writes them.
 *
 * <p>Read, in this order: per-frame cumulative shifts {@code shiftsX_A}/{@code shiftsY_A} (Å), or
 * {@code shiftsX_px}/{@code shiftsY_px} (pixels of the micrograph's sampling rate), or Scipion's
 * {@code xShifts}/{@code yShifts} (pixels); scalars override the values computed from the shifts: plugin-motioncorr's
 * {@code driftTotal_A} and {@code driftEarly_A} (RELION's early = up to 4 e/Å² of exposure), or
 * {@code totalDrift_A}/{@code earlyDrift_A}. Total drift is the length of the frame-to-frame path; early drift is that length over the
 * first {@code earlyFrames} frames, where beam-induced motion is largest.
 *
 * @param xs_A cumulative x shift per frame in Å (empty when unknown)
 * @param ys_A cumulative y shift per frame in Å
 * @param total_A total drift in Å, NaN when unknown
 * @param early_A early drift in Å, NaN when unknown
 * @param maxFrame_A largest frame-to-frame shift in Å, NaN when unknown
 */
record Drift(double[] xs_A, double[] ys_A, double total_A, double early_A, double maxFrame_A) {

    /** Frames counted as early by default. */
    static final int EARLY_FRAMES = 4;

    static Drift of(Micrograph m, int earlyFrames) {
        Map<String, Object> a = m.attributes();
        double scale = 1;
        double[] xs = numbers(a.get("shiftsX_A"));
        double[] ys = numbers(a.get("shiftsY_A"));
        if (xs == null || ys == null) {
            scale = m.samplingRate_Apx() > 0 ? m.samplingRate_Apx() : 1;
            xs = numbers(a.getOrDefault("shiftsX_px", a.get("xShifts")));
            ys = numbers(a.getOrDefault("shiftsY_px", a.get("yShifts")));
        }
        if (xs == null || ys == null || xs.length != ys.length) {
            xs = new double[0];
            ys = new double[0];
        }
        for (int i = 0; i < xs.length; i++) {
            xs[i] *= scale;
            ys[i] *= scale;
        }
        double total = xs.length > 1 ? path(xs, ys, xs.length) : Double.NaN;
        double early = xs.length > 1 ? path(xs, ys, Math.min(xs.length, earlyFrames + 1)) : Double.NaN;
        double maxFrame = Double.NaN;
        for (int i = 1; i < xs.length; i++) {
            double d = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            maxFrame = Double.isNaN(maxFrame) ? d : Math.max(maxFrame, d);
        }
        total = scalar(a.getOrDefault("driftTotal_A", a.get("totalDrift_A")), total);
        early = scalar(a.getOrDefault("driftEarly_A", a.get("earlyDrift_A")), early);
        return new Drift(xs, ys, total, early, maxFrame);
    }

    boolean known() {
        return !Double.isNaN(total_A);
    }

    private static double path(double[] xs, double[] ys, int frames) {
        double sum = 0;
        for (int i = 1; i < frames; i++) {
            sum += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        return sum;
    }

    private static double scalar(Object v, double fallback) {
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    private static double[] numbers(Object v) {
        if (v instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) {
                if (!(l.get(i) instanceof Number n)) {
                    return null;
                }
                d[i] = n.doubleValue();
            }
            return d;
        }
        if (v instanceof double[] arr) {
            return arr.clone();
        }
        return null;
    }
}
