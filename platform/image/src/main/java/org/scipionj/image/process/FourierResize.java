package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;

/**
 * Resampling by cropping or zero-padding the spectrum: Fourier binning (as MotionCor2's {@code -FtBin}) and Fourier
 * interpolation. The result is the band-limited (trigonometric) interpolant of the input sampled on the new grid,
 * with pixel {@code (0, 0)} fixed: new pixel {@code x'} sits at old coordinate {@code x' * width / newWidth}. Values
 * keep their scale (the mean is preserved, as when averaging), not their sum. A Nyquist component of an even size
 * is split in half between {@code +n/2} and {@code -n/2} when padding, and the pair at the new Nyquist summed
 * (aliased, as sampling does) when cropping: the result stays real and {@code crop(pad(x)) == x}. Stateless and thread-safe.
 *
 * <pre>{@code
 * Frame binned = FourierResize.bin(frame, 1.5);           // 4096x4096 -> 2730x2730
 * Frame small = FourierResize.resize(frame, 1024, 1024);   // exact size
 * }</pre>
 */
public final class FourierResize {

    private FourierResize() {
    }

    /**
     * The even size closest to {@code size / factor} (MotionCor2's rule for Fourier binning), at least 2.
     * {@code factor} must be positive; below 1 it enlarges.
     */
    public static int binnedSize(int size, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the binning factor must be positive and finite, got " + factor);
        }
        return Math.max(2, 2 * (int) Math.round(size / (2 * factor)));
    }

    /** {@code image} Fourier-binned by {@code factor}, to {@link #binnedSize(int, double)} in each direction. */
    public static Frame bin(Frame image, double factor) {
        return resize(image, binnedSize(image.width(), factor), binnedSize(image.height(), factor));
    }

    /** {@code image} resampled to {@code newWidth x newHeight} in Fourier space. */
    public static Frame resize(Frame image, int newWidth, int newHeight) {
        if (newWidth == image.width() && newHeight == image.height()) {
            return image.copy();
        }
        ComplexFrame out = resize(Fft.forward(image), newWidth, newHeight);
        Frame result = new Frame(newWidth, newHeight);
        Fft.plan(newWidth, newHeight).inverseOverwriting(out, result);
        return result;
    }

    /**
     * The spectrum of the {@code newWidth x newHeight} resampled image: frequencies present in both sizes are
     * copied (scaled by the ratio of pixel counts), those beyond the new Nyquist dropped, new ones zero.
     */
    public static ComplexFrame resize(ComplexFrame in, int newWidth, int newHeight) {
        ComplexFrame out = new ComplexFrame(newWidth, newHeight);
        int w = in.width();
        AxisMap rows = AxisMap.of(in.height(), newHeight);
        float scale = (float) ((double) newWidth * newHeight / ((double) w * in.height()));
        float[] src = in.data();
        float[] dst = out.data();
        int columns = out.columns();
        boolean mergeNyquist = newWidth < w && newWidth % 2 == 0; // new Nyquist column: sum of the +/- frequencies
        for (int r = 0; r < newHeight; r++) {
            int mirror = (newHeight - r) % newHeight;
            for (int c = 0; c < columns; c++) {
                int o = out.index(c, r);
                if (mergeNyquist && c == columns - 1) {
                    // G(c, r) + conj(G(c, -r)), G being the spectrum resampled along y
                    double re = rows.re(src, in, c, r) + rows.re(src, in, c, mirror);
                    double im = rows.im(src, in, c, r) - rows.im(src, in, c, mirror);
                    dst[o] = (float) re * scale;
                    dst[o + 1] = (float) im * scale;
                    continue;
                }
                double weight;
                if (newWidth <= w || c < (w + 1) / 2) {
                    weight = 1;
                } else if (w % 2 == 0 && c == w / 2) {
                    weight = 0.5; // old Nyquist column, split between +w/2 and -w/2
                } else {
                    continue; // beyond the old band: zero
                }
                dst[o] = (float) (weight * rows.re(src, in, c, r)) * scale;
                dst[o + 1] = (float) (weight * rows.im(src, in, c, r)) * scale;
            }
        }
        return out;
    }

    /** For each new index along the full (complex) axis: up to two old indices and their weights. */
    private record AxisMap(int[] first, int[] second, double[] w1, double[] w2) {

        static AxisMap of(int n, int newN) {
            int[] first = new int[newN];
            int[] second = new int[newN];
            double[] w1 = new double[newN];
            double[] w2 = new double[newN];
            for (int i = 0; i < newN; i++) {
                int k = Frequencies.signed(i, newN);
                first[i] = -1;
                second[i] = -1;
                if (newN < n && newN % 2 == 0 && k == -newN / 2) {
                    first[i] = Frequencies.fftIndex(k, n); // new Nyquist: sum of the old +/- frequencies
                    second[i] = Frequencies.fftIndex(-k, n);
                    w1[i] = 1;
                    w2[i] = 1;
                } else if (newN > n && n % 2 == 0 && Math.abs(k) == n / 2) {
                    first[i] = n / 2; // old Nyquist: split between the new +/- frequencies
                    w1[i] = 0.5;
                } else if (newN <= n || (k >= -(n - 1) / 2 && k <= (n - 1) / 2)) {
                    first[i] = Frequencies.fftIndex(k, n);
                    w1[i] = 1;
                }
            }
            return new AxisMap(first, second, w1, w2);
        }

        double re(float[] src, ComplexFrame in, int c, int r) {
            return part(src, in, c, r, 0);
        }

        double im(float[] src, ComplexFrame in, int c, int r) {
            return part(src, in, c, r, 1);
        }

        private double part(float[] src, ComplexFrame in, int c, int r, int p) {
            double v = 0;
            if (first[r] >= 0) {
                v += w1[r] * src[in.index(c, first[r]) + p];
            }
            if (second[r] >= 0) {
                v += w2[r] * src[in.index(c, second[r]) + p];
            }
            return v;
        }
    }
}
