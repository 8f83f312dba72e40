package org.scipionj.motioncorr.internal;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;

/**
 * The maximum of a cross-correlation given by its half spectrum {@code P = conj(A) R W} (already weighted), to a
 * small fraction of a pixel. The correlation map is computed on the spectrum's grid (one inverse FFT) to find the
 * right peak within {@code maxShift}, or, when the peak is known to be close, that step is skipped; then Newton's
 * method climbs the exact band-limited
 * correlation {@code c(d) = sum_k P(k) exp(2 pi i k.d)}, with its gradient and Hessian evaluated as sums over the
 * spectrum. The result is the true maximum of the correlation, not of a fitted curve, so it carries no
 * interpolation bias. Stateless, thread-safe.
 *
 * <p>Shifts are in pixels of the spectrum's grid: a peak at {@code d} means that {@code R} is {@code A} moved by
 * {@code d} ({@code R(x) = A(x - d)}).
 */
final class CorrelationPeak {

    /** Newton stops when its next step is shorter than this (grid pixels). */
    static final double STOP = 0.01;

    /** A maximum: position in grid pixels and the correlation there. */
    record Peak(double dx, double dy, double value) {
    }

    private CorrelationPeak() {
    }

    /**
     * Searches the whole correlation map (one inverse FFT at the spectrum's size) within {@code maxShift}, then
     * refines the best pixel.
     *
     * @param product the weighted cross spectrum (not changed)
     * @param maxShift largest shift searched, grid pixels
     */
    static Peak find(ComplexFrame product, double maxShift) {
        int w = product.width();
        int h = product.height();
        Frame map = new Frame(w, h);
        Fft.plan(w, h).inverse(product, map);
        float[] m = map.data();
        int best = -1;
        float max = Float.NEGATIVE_INFINITY;
        double r2 = maxShift * maxShift;
        for (int j = 0; j < h; j++) {
            int sy = Frequencies.signed(j, h);
            if (sy * sy > r2) {
                continue;
            }
            for (int i = 0; i < w; i++) {
                int sx = Frequencies.signed(i, w);
                if (sx * sx + sy * sy <= r2 && m[j * w + i] > max) {
                    max = m[j * w + i];
                    best = j * w + i;
                }
            }
        }
        if (best < 0) {
            return new Peak(0, 0, 0);
        }
        int bi = best % w;
        int bj = best / w;
        double ox = vertex(m[bj * w + Math.floorMod(bi - 1, w)], max, m[bj * w + (bi + 1) % w]);
        double oy = vertex(m[Math.floorMod(bj - 1, h) * w + bi], max, m[((bj + 1) % h) * w + bi]);
        double x = Frequencies.signed(bi, w) + ox;
        double y = Frequencies.signed(bj, h) + oy;
        Peak p = refine(product, x, y, 1.0);
        return p == null ? new Peak(x, y, max) : p;
    }

    /**
     * Newton's method on the exact correlation from {@code (x, y)}, steps at most {@code maxStep} pixels. Returns
     * null when the correlation is not concave at the start (not near a maximum).
     */
    static Peak refine(ComplexFrame product, double x, double y, double maxStep) {
        double[] e = new double[6];
        evaluate(product, x, y, e);
        for (int iter = 0; iter < 8; iter++) {
            double hxx = e[3];
            double hyy = e[4];
            double hxy = e[5];
            double det = hxx * hyy - hxy * hxy;
            if (!(hxx < 0 && det > 0)) {
                return iter == 0 ? null : new Peak(x, y, e[0]);
            }
            double sx = -(hyy * e[1] - hxy * e[2]) / det;
            double sy = -(hxx * e[2] - hxy * e[1]) / det;
            double len = Math.hypot(sx, sy);
            if (len > maxStep) {
                sx *= maxStep / len;
                sy *= maxStep / len;
                len = maxStep;
            }
            if (len < STOP) {
                break; // NB: quadratic convergence: the step left is far below what matters
            }
            double[] next = new double[6];
            evaluate(product, x + sx, y + sy, next);
            if (next[0] < e[0]) {
                sx /= 2;
                sy /= 2;
                evaluate(product, x + sx, y + sy, next);
                if (next[0] < e[0]) {
                    break;
                }
            }
            x += sx;
            y += sy;
            e = next;
        }
        return new Peak(x, y, e[0]);
    }

    /**
     * The correlation at {@code (x, y)} and its derivatives: {@code out = {c, dc/dx, dc/dy, d2c/dx2, d2c/dy2,
     * d2c/dxdy}} (unnormalised).
     */
    static void evaluate(ComplexFrame product, double x, double y, double[] out) {
        int w = product.width();
        int h = product.height();
        int columns = product.columns();
        float[] p = product.data();
        double[] exr = new double[columns];
        double[] exi = new double[columns];
        for (int c = 0; c < columns; c++) {
            double a = 2 * Math.PI * c * x / w;
            double mult = (c == 0 || (w % 2 == 0 && c == w / 2)) ? 1 : 2;
            exr[c] = mult * Math.cos(a);
            exi[c] = mult * Math.sin(a);
        }
        double cv = 0;
        double gx = 0;
        double gy = 0;
        double hxx = 0;
        double hyy = 0;
        double hxy = 0;
        double fx = 2 * Math.PI / w;
        for (int r = 0; r < h; r++) {
            int s = Frequencies.signed(r, h);
            double fy = 2 * Math.PI * s / h;
            double s0r = 0;
            double s0i = 0;
            double s1r = 0;
            double s1i = 0;
            double s2r = 0;
            double s2i = 0;
            int o = 2 * r * columns;
            for (int c = 0; c < columns; c++) {
                double pr = p[o + 2 * c];
                double pi = p[o + 2 * c + 1];
                double zr = pr * exr[c] - pi * exi[c];
                double zi = pr * exi[c] + pi * exr[c];
                s0r += zr;
                s0i += zi;
                s1r += c * zr;
                s1i += c * zi;
                s2r += (double) c * c * zr;
                s2i += (double) c * c * zi;
            }
            double a = fy * y;
            double eyr = Math.cos(a);
            double eyi = Math.sin(a);
            double t0r = eyr * s0r - eyi * s0i;
            double t0i = eyr * s0i + eyi * s0r;
            double t1r = eyr * s1r - eyi * s1i;
            double t1i = eyr * s1i + eyi * s1r;
            double t2r = eyr * s2r - eyi * s2i;
            cv += t0r;
            gx -= fx * t1i;
            gy -= fy * t0i;
            hxx -= fx * fx * t2r;
            hyy -= fy * fy * t0r;
            hxy -= fx * fy * t1r;
        }
        out[0] = cv;
        out[1] = gx;
        out[2] = gy;
        out[3] = hxx;
        out[4] = hyy;
        out[5] = hxy;
    }

    /** Offset in [-0.5, 0.5] of the vertex of the parabola through three equally spaced values. */
    private static double vertex(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }
}
