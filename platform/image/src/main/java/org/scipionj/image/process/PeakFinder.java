package org.scipionj.image.process;

import org.scipionj.image.Frame;

/**
 * Finds the maximum of a map (typically a correlation map) to sub-pixel precision: the largest pixel, then along
 * x and along y a three-point fit through it and its neighbours. The fit is Gaussian (a parabola through the
 * logarithms: exact for a Gaussian peak, which is what a correlation map smoothed by a Gaussian or a B-factor
 * has) when the three values are positive, and a plain parabola otherwise. A maximum on the map's border is
 * returned at whole-pixel precision. Stateless and thread-safe.
 *
 * <pre>{@code
 * Peak p = PeakFinder.find(map);                       // whole map
 * Peak q = PeakFinder.find(map, 256, 256, 40);         // within 40 px of (256, 256)
 * }</pre>
 */
public final class PeakFinder {

    private PeakFinder() {
    }

    /** The maximum of the whole map. */
    public static Peak find(Frame map) {
        return find(map, 0, 0, Double.POSITIVE_INFINITY);
    }

    /** The maximum among pixels within {@code radius} pixels of {@code (cx, cy)}. */
    public static Peak find(Frame map, double cx, double cy, double radius) {
        int w = map.width();
        int h = map.height();
        float[] d = map.data();
        double r2 = radius * radius;
        int x0 = clamp(Math.floor(cx - radius), w);
        int x1 = clamp(Math.ceil(cx + radius), w);
        int y0 = clamp(Math.floor(cy - radius), h);
        int y1 = clamp(Math.ceil(cy + radius), h);
        int best = -1;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double dy = y - cy;
                int i = y * w + x;
                if (dx * dx + dy * dy <= r2 && (d[i] > max || best < 0)) {
                    max = d[i];
                    best = i;
                }
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no pixel of the " + w + "x" + h + " map lies within " + radius
                    + " px of (" + cx + ", " + cy + ")");
        }
        int px = best % w;
        int py = best / w;
        double ox = 0;
        double oy = 0;
        double vx = max;
        double vy = max;
        if (px > 0 && px < w - 1) {
            double[] f = fit(d[best - 1], max, d[best + 1]);
            ox = f[0];
            vx = f[1];
        }
        if (py > 0 && py < h - 1) {
            double[] f = fit(d[best - w], max, d[best + w]);
            oy = f[0];
            vy = f[1];
        }
        // NB: each fit gives the maximum along one axis; a separable peak's gains multiply (Gaussian) or add
        double value = max > 0 && vx > 0 && vy > 0 ? vx * vy / max : vx + vy - max;
        return new Peak(px + ox, py + oy, value);
    }

    /** Offset in {@code [-0.5, 0.5]} and value of the vertex through three equally spaced samples. */
    static double[] fit(double left, double centre, double right) {
        if (left > 0 && centre > 0 && right > 0) {
            double l = Math.log(left);
            double c = Math.log(centre);
            double r = Math.log(right);
            double curvature = l - 2 * c + r;
            if (curvature < 0) {
                double offset = clampHalf(0.5 * (l - r) / curvature);
                return new double[] {offset, Math.exp(c - 0.25 * (l - r) * offset)};
            }
        }
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return new double[] {0, centre};
        }
        double offset = clampHalf(0.5 * (left - right) / curvature);
        return new double[] {offset, centre - 0.25 * (left - right) * offset};
    }

    private static double clampHalf(double v) {
        return Math.max(-0.5, Math.min(0.5, v));
    }

    private static int clamp(double v, int n) {
        return (int) Math.max(0, Math.min(n - 1, v));
    }
}
