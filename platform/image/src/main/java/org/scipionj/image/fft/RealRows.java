package org.scipionj.image.fft;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * 1D real FFTs of image rows, to and from the unpacked half-complex layout ({@code width/2+1} complex values).
 * Powers of two use JTransforms' real transform; other widths transform two rows at once with one complex FFT
 * ({@code z = a + i b}) because JTransforms' mixed-radix real transform loses precision for many sizes (errors
 * around 1e-4 for 127, 131, 62, 86...), while its complex transform stays near float precision for every size.
 * Immutable and thread-safe; callers give each thread its own range of rows, starting on an even row so that
 * the same rows are paired whatever the split.
 */
final class RealRows {

    private final int width;
    private final int stride;
    private final boolean powerOfTwo;
    private final FloatFFT_1D fft;

    RealRows(int width) {
        this.width = width;
        this.stride = 2 * (width / 2 + 1);
        this.powerOfTwo = Integer.bitCount(width) == 1;
        this.fft = width > 1 ? new FloatFFT_1D(width) : null;
    }

    /** Forward transform of rows {@code y0 .. y1-1} of {@code real} into the rows of {@code spectrum}. */
    void forward(float[] real, float[] spectrum, int y0, int y1) {
        if (width == 1) {
            for (int y = y0; y < y1; y++) {
                spectrum[y * stride] = real[y];
                spectrum[y * stride + 1] = 0;
            }
        } else if (powerOfTwo) {
            for (int y = y0; y < y1; y++) {
                int off = y * stride;
                System.arraycopy(real, y * width, spectrum, off, width);
                fft.realForward(spectrum, off);
                // NB: JTransforms packs Re[n/2] into a[1]; move it to its own slot.
                float nyquist = spectrum[off + 1];
                spectrum[off + 1] = 0;
                spectrum[off + width] = nyquist;
                spectrum[off + width + 1] = 0;
            }
        } else {
            float[] z = new float[2 * width];
            for (int y = y0; y < y1; y += 2) {
                boolean pair = y + 1 < y1;
                int a = y * width;
                int b = a + width;
                for (int x = 0; x < width; x++) {
                    z[2 * x] = real[a + x];
                    z[2 * x + 1] = pair ? real[b + x] : 0;
                }
                fft.complexForward(z);
                split(z, spectrum, y * stride, pair ? (y + 1) * stride : -1);
            }
        }
    }

    /** Separates the spectra of {@code a} and {@code b} from that of {@code z = a + i b}. */
    private void split(float[] z, float[] spectrum, int offA, int offB) {
        int columns = stride / 2;
        for (int k = 0; k < columns; k++) {
            int m = k == 0 ? 0 : width - k;
            float zr = z[2 * k];
            float zi = z[2 * k + 1];
            float mr = z[2 * m];
            float mi = z[2 * m + 1];
            spectrum[offA + 2 * k] = 0.5f * (zr + mr);
            spectrum[offA + 2 * k + 1] = 0.5f * (zi - mi);
            if (offB >= 0) {
                spectrum[offB + 2 * k] = 0.5f * (zi + mi);
                spectrum[offB + 2 * k + 1] = -0.5f * (zr - mr);
            }
        }
    }

    /**
     * Inverse transform (scaled by 1/width) of rows {@code y0 .. y1-1} of {@code spectrum} into {@code real}. The
     * imaginary parts at {@code kx = 0} and {@code kx = width/2} are ignored, as in every complex-to-real FFT.
     * {@code spectrum} may be modified.
     */
    void inverse(float[] spectrum, float[] real, int y0, int y1) {
        if (width == 1) {
            for (int y = y0; y < y1; y++) {
                real[y] = spectrum[y * stride];
            }
        } else if (powerOfTwo) {
            for (int y = y0; y < y1; y++) {
                int off = y * stride;
                spectrum[off + 1] = spectrum[off + width]; // back to JTransforms' packed layout
                fft.realInverse(spectrum, off, true);
                System.arraycopy(spectrum, off, real, y * width, width);
            }
        } else {
            float[] z = new float[2 * width];
            for (int y = y0; y < y1; y += 2) {
                boolean pair = y + 1 < y1;
                merge(spectrum, y * stride, pair ? (y + 1) * stride : -1, z);
                fft.complexInverse(z, true);
                int a = y * width;
                int b = a + width;
                for (int x = 0; x < width; x++) {
                    real[a + x] = z[2 * x];
                    if (pair) {
                        real[b + x] = z[2 * x + 1];
                    }
                }
            }
        }
    }

    /** The full spectrum {@code Z = A + i B} of two rows from their halves (B = 0 when {@code offB < 0}). */
    private void merge(float[] spectrum, int offA, int offB, float[] z) {
        int columns = stride / 2;
        for (int k = 0; k < columns; k++) {
            boolean selfConjugate = k == 0 || 2 * k == width;
            float ar = spectrum[offA + 2 * k];
            float ai = selfConjugate ? 0 : spectrum[offA + 2 * k + 1];
            float br = offB < 0 ? 0 : spectrum[offB + 2 * k];
            float bi = offB < 0 || selfConjugate ? 0 : spectrum[offB + 2 * k + 1];
            z[2 * k] = ar - bi;
            z[2 * k + 1] = ai + br;
            if (k > 0 && !selfConjugate) {
                int m = width - k; // A(m) = conj A(k), B(m) = conj B(k)
                z[2 * m] = ar + bi;
                z[2 * m + 1] = br - ai;
            }
        }
    }
}
