package org.scipionj.eman.internal;

import org.scipionj.image.Frame;
import org.scipionj.image.process.FourierResize;
import org.scipionj.image.process.FourierShift;
import org.scipionj.image.process.RealSpace;

/**
 * Cuts one particle image out of a micrograph, centred on its coordinate:
 * <ol>
 * <li>the {@link ExtractionSettings#window()} box around the nearest whole pixel is cropped, then shifted by the
 * remaining fraction of a pixel in Fourier space (band-limited interpolation), so the coordinate lands exactly on
 * the box's centre pixel {@code (n/2, n/2)} (RELION's and Xmipp's convention for even boxes);</li>
 * <li>with down-sampling, Fourier-resized to {@code boxSize} (the centre stays on the centre pixel);</li>
 * <li>inverted if asked;</li>
 * <li>normalised if asked: the background is the pixels farther than {@code backRadius} from the centre;
 * OldXmipp gives the whole box mean 0 and standard deviation 1; NewXmipp gives the background mean 0 and standard
 * deviation 1; Ramp first subtracts the least-squares plane through the background, then does as NewXmipp;</li>
 * <li>dust removal: values beyond ±{@code dustThreshold} (after normalisation) are clamped to it.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ParticleExtractor {

    private final ExtractionSettings s;

    public ExtractionSettings settings() {
        return s;
    }

    public ParticleExtractor(ExtractionSettings settings) {
        this.s = settings;
    }

    /** The particle at {@code (x, y)} (micrograph pixels), or null when its window does not fit in the micrograph. */
    public Frame extract(Frame micrograph, double x, double y) {
        int n = s.window();
        int ix = (int) Math.round(x);
        int iy = (int) Math.round(y);
        int x0 = ix - n / 2;
        int y0 = iy - n / 2;
        if (x0 < 0 || y0 < 0 || x0 + n > micrograph.width() || y0 + n > micrograph.height()) {
            return null;
        }
        Frame box = RealSpace.crop(micrograph, x0, y0, n, n);
        double dx = ix - x;
        double dy = iy - y;
        if (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6) {
            box = FourierShift.shift(box, dx, dy);
        }
        if (n != s.boxSize()) {
            box = FourierResize.resize(box, s.boxSize(), s.boxSize());
        }
        float[] d = box.data();
        if (s.invert()) {
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
            }
        }
        if (s.normalize()) {
            normalize(box, s.normType(), s.backRadius() > 0 ? s.backRadius() : s.boxSize() / 2.0);
            if (s.dustThreshold() > 0) {
                float t = (float) s.dustThreshold();
                for (int i = 0; i < d.length; i++) {
                    d[i] = Math.max(-t, Math.min(t, d[i]));
                }
            }
        }
        return box;
    }

    /** Normalises {@code box} in place (see the class documentation). */
    static void normalize(Frame box, int type, double radius) {
        int w = box.width();
        int h = box.height();
        float[] d = box.data();
        double cx = w / 2;
        double cy = h / 2;
        double r2 = radius * radius;
        boolean[] bg = new boolean[d.length];
        int nb = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ddx = x - cx;
                double ddy = y - cy;
                if (type == 0 || ddx * ddx + ddy * ddy > r2) {
                    bg[y * w + x] = true;
                    nb++;
                }
            }
        }
        if (nb < 3) {
            java.util.Arrays.fill(bg, true);
            nb = d.length;
        }
        if (type == 2) {
            subtractPlane(d, w, h, bg);
        }
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < d.length; i++) {
            if (bg[i]) {
                sum += d[i];
                sum2 += (double) d[i] * d[i];
            }
        }
        double mean = sum / nb;
        double sd = Math.sqrt(Math.max(0, sum2 / nb - mean * mean));
        float scale = sd > 0 ? (float) (1 / sd) : 0;
        float m = (float) mean;
        for (int i = 0; i < d.length; i++) {
            d[i] = (d[i] - m) * scale;
        }
    }

    /** Subtracts the least-squares plane {@code a + b x + c y} through the background pixels. */
    private static void subtractPlane(float[] d, int w, int h, boolean[] bg) {
        double[][] m = new double[3][3];
        double[] v = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!bg[i]) {
                    continue;
                }
                double[] f = {1, x, y};
                for (int a = 0; a < 3; a++) {
                    v[a] += f[a] * d[i];
                    for (int b = 0; b < 3; b++) {
                        m[a][b] += f[a] * f[b];
                    }
                }
            }
        }
        double[] p = solve3(m, v);
        if (p == null) {
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] -= (float) (p[0] + p[1] * x + p[2] * y);
            }
        }
    }

    /** Solves a 3x3 system by Cramer's rule; null when singular. */
    static double[] solve3(double[][] m, double[] v) {
        double det = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] t = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int r = 0; r < 3; r++) {
                t[r][c] = v[r];
            }
            out[c] = det(t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2], t[2][0], t[2][1], t[2][2]) / det;
        }
        return out;
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h,
                              double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
