package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Cross-correlation of two images of one size through their spectra, {@code cc(s) = sum_x a(x) b(x + s)}
 * (periodic), returned as a centred map (shift zero at pixel {@code (width/2, height/2)}), and the shift of
 * {@code b} relative to {@code a} found from its peak: if {@code b(x) = a(x - d)} the peak is at {@code s = d}.
 *
 * <p>{@link Options} choose whitening (phase correlation: every frequency weighted equally, a sharp peak whose
 * height is 1 for identical content, less with noise) and a Gaussian smoothing of the map, {@code sigma} pixels,
 * by a kernel of peak 1 (so whitened peaks keep a height near 1), which makes the peak Gaussian so that {@link PeakFinder}'s fit is accurate to a few hundredths of a pixel (smoothing
 * by {@code sigma} pixels equals MotionCor2's B-factor {@code B = 8 pi^2 sigma^2} in px²). Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * Shift s = CrossCorrelation.shift(frame0, frame1, CrossCorrelation.Options.PHASE);
 * Frame aligned = FourierShift.shift(frame1, -s.dx(), -s.dy());
 * // with spectra computed once per frame:
 * Frame map = CrossCorrelation.map(spectrum0, spectrum1, new CrossCorrelation.Options(true, 2.0, 30));
 * }</pre>
 */
public final class CrossCorrelation {

    /**
     * How to correlate: {@code whiten} divides by the amplitudes (phase correlation); {@code sigma} > 0 smooths the
     * map by a Gaussian of that many pixels; {@code maxShift} > 0 limits the peak search to shifts up to that many
     * pixels (0: anywhere in the map).
     */
    public record Options(boolean whiten, double sigma, double maxShift) {

        /** Plain cross-correlation, no smoothing, search everywhere. */
        public static final Options PLAIN = new Options(false, 0, 0);
        /** Phase correlation smoothed by 1.5 px: sharp, Gaussian peaks; good for sub-pixel shifts. */
        public static final Options PHASE = new Options(true, 1.5, 0);

        public Options {
            if (!(sigma >= 0) || !(maxShift >= 0)) {
                throw new IllegalArgumentException("sigma and maxShift must be >= 0, got " + sigma + ", " + maxShift);
            }
        }
    }

    private CrossCorrelation() {
    }

    /** The shift of {@code b} relative to {@code a}, from the peak of their correlation map. */
    public static Shift shift(Frame a, Frame b, Options options) {
        return shift(Fft.forward(a), Fft.forward(b), options);
    }

    /** As {@link #shift(Frame, Frame, Options)}, from the spectra of the two images (not changed). */
    public static Shift shift(ComplexFrame a, ComplexFrame b, Options options) {
        Frame map = map(a, b, options);
        double cx = map.width() / 2;
        double cy = map.height() / 2;
        double radius = options.maxShift() > 0 ? options.maxShift() : Double.POSITIVE_INFINITY;
        Peak p = PeakFinder.find(map, cx, cy, radius);
        return new Shift(p.x() - cx, p.y() - cy, p.value());
    }

    /** The centred correlation map of two images given by their spectra (not changed). */
    public static Frame map(ComplexFrame a, ComplexFrame b, Options options) {
        int w = a.width();
        int h = a.height();
        if (b.width() != w || b.height() != h) {
            throw new IllegalArgumentException("cannot correlate " + a + " with " + b + ": sizes differ");
        }
        ComplexFrame product = new ComplexFrame(w, h);
        float[] pa = a.data();
        float[] pb = b.data();
        float[] p = product.data();
        int columns = a.columns();
        double g = options.sigma() > 0 ? -2 * Math.PI * Math.PI * options.sigma() * options.sigma() : 0;
        // NB: the smoothing kernel is scaled to a peak of 1, so smoothing does not change the height of a sharp peak
        double sumX = 0;
        for (int i = 0; i < w; i++) {
            double kx = Frequencies.cyclesPerPixel(i, w);
            sumX += Math.exp(g * kx * kx);
        }
        double sumY = 0;
        for (int i = 0; i < h; i++) {
            double ky = Frequencies.cyclesPerPixel(i, h);
            sumY += Math.exp(g * ky * ky);
        }
        double scale = (double) w * h / (sumX * sumY);
        float[] gx = new float[columns];
        for (int c = 0; c < columns; c++) {
            double kx = (double) c / w;
            gx[c] = (float) (scale * Math.exp(g * kx * kx));
        }
        Parallel.forItems(h, columns, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                double ky = Frequencies.cyclesPerPixel(r, h);
                float gy = (float) Math.exp(g * ky * ky);
                for (int c = 0; c < columns; c++) {
                    int i = 2 * (r * columns + c);
                    float ar = pa[i];
                    float ai = pa[i + 1];
                    float br = pb[i];
                    float bi = pb[i + 1];
                    float re = ar * br + ai * bi; // conj(A) B
                    float im = ar * bi - ai * br;
                    float weight = gy * gx[c];
                    if (options.whiten()) {
                        float amplitude = (float) Math.sqrt(re * re + im * im);
                        weight = amplitude > 0 ? weight / amplitude : 0;
                    }
                    p[i] = re * weight;
                    p[i + 1] = im * weight;
                }
            }
        });
        Frame raw = new Frame(w, h);
        Fft.plan(w, h).inverseOverwriting(product, raw);
        return centre(raw);
    }

    private static Frame centre(Frame raw) {
        int w = raw.width();
        int h = raw.height();
        Frame out = new Frame(w, h);
        float[] in = raw.data();
        float[] o = out.data();
        for (int y = 0; y < h; y++) {
            int sy = Frequencies.fromCentred(y, h);
            int split = w - w / 2; // NB: centred x from w/2 on holds raw x from 0 on
            System.arraycopy(in, sy * w, o, y * w + w / 2, split);
            System.arraycopy(in, sy * w + split, o, y * w, w / 2);
        }
        return out;
    }
}
