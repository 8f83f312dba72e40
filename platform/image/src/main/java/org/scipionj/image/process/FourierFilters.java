package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Filters applied in place to a spectrum by multiplying it with a real, radially symmetric transfer function
 * {@code H(k)}, {@code k} in cycles/pixel:
 * <ul>
 * <li>{@link #lowPass}: {@code H = exp(-k^2 / (2 s^2))}, Gaussian of standard deviation {@code s} cycles/pixel
 * ({@code H(s) = 0.61}); equivalent to a real-space Gaussian blur of {@code 1/(2 pi s)} pixels.</li>
 * <li>{@link #highPass}: {@code H = 1 - exp(-k^2 / (2 s^2))}.</li>
 * <li>{@link #bandPass}: the product of a high-pass at {@code low} and a low-pass at {@code high}.</li>
 * <li>{@link #bFactor}: {@code H = exp(-B q^2 / 4)}, {@code q = k / pixelSize} in 1/Å, {@code B} in Å² (positive
 * damps high frequencies, negative sharpens).</li>
 * </ul>
 * Gaussian transfer functions are separable, so the cost is one multiplication per value. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * ComplexFrame s = Fft.forward(frame);
 * FourierFilters.bandPass(s, 0.01, 0.25);
 * FourierFilters.bFactor(s, 150, 1.0);
 * Frame filtered = Fft.inverse(s);
 * Frame blurred = FourierFilters.gaussianBlur(frame, 2.0);  // sigma 2 px
 * }</pre>
 */
public final class FourierFilters {

    /** A transfer function of the signed frequencies {@code kx, ky} in cycles/pixel. */
    @FunctionalInterface
    public interface Transfer {
        double at(double kx, double ky);
    }

    private FourierFilters() {
    }

    /** Gaussian low-pass of standard deviation {@code sigma} cycles/pixel. */
    public static void lowPass(ComplexFrame spectrum, double sigma) {
        positive(sigma, "sigma");
        double a = -1 / (2 * sigma * sigma);
        separable(spectrum, a, false);
    }

    /** Gaussian high-pass: {@code 1 -} the low-pass of {@code sigma} cycles/pixel. */
    public static void highPass(ComplexFrame spectrum, double sigma) {
        positive(sigma, "sigma");
        double a = -1 / (2 * sigma * sigma);
        separable(spectrum, a, true);
    }

    /** High-pass at {@code low} then low-pass at {@code high} (Gaussian sigmas, cycles/pixel). */
    public static void bandPass(ComplexFrame spectrum, double low, double high) {
        highPass(spectrum, low);
        lowPass(spectrum, high);
    }

    /** B-factor envelope {@code exp(-B q^2 / 4)}, {@code B} in Å², {@code pixelSize} in Å/px. */
    public static void bFactor(ComplexFrame spectrum, double bFactor, double pixelSize) {
        positive(pixelSize, "pixel size");
        separable(spectrum, -bFactor / (4 * pixelSize * pixelSize), false);
    }

    /** {@code image} blurred by a Gaussian of standard deviation {@code sigma} pixels (periodic boundaries). */
    public static Frame gaussianBlur(Frame image, double sigma) {
        ComplexFrame s = Fft.forward(image);
        lowPass(s, 1 / (2 * Math.PI * positive(sigma, "sigma")));
        Frame out = new Frame(image.width(), image.height());
        Fft.plan(image.width(), image.height()).inverseOverwriting(s, out);
        return out;
    }

    /** Multiplies {@code spectrum} by any real transfer function (general but slower: one call per value). */
    public static void apply(ComplexFrame spectrum, Transfer transfer) {
        float[] d = spectrum.data();
        Parallel.forItems(spectrum.height(), spectrum.columns(), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                double ky = spectrum.ky(r);
                for (int c = 0; c < spectrum.columns(); c++) {
                    float h = (float) transfer.at(spectrum.kx(c), ky);
                    int i = spectrum.index(c, r);
                    d[i] *= h;
                    d[i + 1] *= h;
                }
            }
        });
    }

    /** Multiplies by {@code exp(a k^2)}, or by {@code 1 - exp(a k^2)} when {@code complement}. */
    private static void separable(ComplexFrame spectrum, double a, boolean complement) {
        int w = spectrum.width();
        int h = spectrum.height();
        float[] cx = new float[spectrum.columns()];
        for (int c = 0; c < cx.length; c++) {
            double kx = (double) c / w;
            cx[c] = (float) Math.exp(a * kx * kx);
        }
        float[] ry = new float[h];
        for (int r = 0; r < h; r++) {
            double ky = Frequencies.cyclesPerPixel(r, h);
            ry[r] = (float) Math.exp(a * ky * ky);
        }
        float[] d = spectrum.data();
        int columns = cx.length;
        Parallel.forItems(h, columns, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                float fy = ry[r];
                int o = 2 * r * columns;
                for (int c = 0; c < columns; c++) {
                    float t = fy * cx[c];
                    if (complement) {
                        t = 1 - t;
                    }
                    d[o + 2 * c] *= t;
                    d[o + 2 * c + 1] *= t;
                }
            }
        });
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
        return v;
    }
}
