package org.scipionj.image.process;

import java.util.Random;

import org.scipionj.image.Frame;

/** A band-limited test image: a sum of plane waves with whole numbers of periods over a {@code w x h} frame. */
record Waves(int w, int h, int[] u, int[] v, double[] amplitude, double[] phase) {

    /** {@code n} random waves with frequency indices up to {@code maxU} and {@code maxV} periods per frame. */
    static Waves random(int w, int h, int n, int maxU, int maxV, long seed) {
        Random r = new Random(seed);
        int[] u = new int[n + 1];
        int[] v = new int[n + 1];
        double[] a = new double[n + 1];
        double[] p = new double[n + 1];
        a[0] = 3; // constant term
        for (int i = 1; i <= n; i++) {
            u[i] = r.nextInt(2 * maxU + 1) - maxU;
            v[i] = r.nextInt(2 * maxV + 1) - maxV;
            a[i] = 0.2 + r.nextDouble();
            p[i] = 2 * Math.PI * r.nextDouble();
        }
        return new Waves(w, h, u, v, a, p);
    }

    /** The function at real coordinates (pixels of the {@code w x h} grid). */
    double at(double x, double y) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += amplitude[i] * Math.cos(2 * Math.PI * (u[i] * x / w + v[i] * y / h) + phase[i]);
        }
        return s;
    }

    /** Sampled on the {@code w x h} grid, moved by {@code (dx, dy)}: pixel (x, y) holds {@code at(x - dx, y - dy)}. */
    Frame frame(double dx, double dy) {
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                f.set(x, y, (float) at(x - dx, y - dy));
            }
        }
        return f;
    }

    static double maxDifference(Frame a, Frame b) {
        double m = 0;
        for (int i = 0; i < a.data().length; i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }
}
