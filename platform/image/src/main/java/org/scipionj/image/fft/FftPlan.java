package org.scipionj.image.fft;

import org.jtransforms.fft.FloatFFT_1D;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Real-to-complex 2D FFT of one image size, computed row-column with JTransforms' 1D transforms: a real FFT of each
 * row to {@code width/2+1} complex values (see {@link RealRows}), then a complex FFT of each column, in cache-friendly blocks of
 * columns. Both passes are split over {@link Fft#threads()} threads (small images stay on the calling thread);
 * results are identical whatever the number of threads. Works for any size (JTransforms uses
 * mixed-radix or Bluestein transforms for sizes that are not powers of two; powers of two and products of small
 * primes are fastest). Layout, sign and normalisation: see the package documentation.
 *
 * <p>Immutable and thread-safe: one plan may transform many images at once; it allocates only small per-call
 * buffers. Get plans from {@link Fft#plan(int, int)}, which caches them per size.
 *
 * <pre>{@code
 * FftPlan plan = Fft.plan(4096, 4096);
 * ComplexFrame spectrum = new ComplexFrame(4096, 4096);
 * plan.forward(frame, spectrum);          // reuse the output array frame after frame
 * plan.inverse(spectrum, frame);          // spectrum is kept
 * }</pre>
 */
public final class FftPlan {

    /** Complex columns gathered per block in the column pass (8 x 8 bytes: one cache line per row). */
    private static final int BLOCK = 8;

    private final int width;
    private final int height;
    private final int columns;
    private final RealRows rows;
    private final FloatFFT_1D columnFft;

    FftPlan(int width, int height) {
        ComplexFrame.checkedLength(width, height);
        this.width = width;
        this.height = height;
        this.columns = width / 2 + 1;
        this.rows = new RealRows(width);
        this.columnFft = height > 1 ? new FloatFFT_1D(height) : null;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Forward transform of {@code image} into {@code spectrum} (overwritten); both must have this plan's size. */
    public void forward(Frame image, ComplexFrame spectrum) {
        check(image, spectrum);
        forward(image.data(), spectrum.data());
    }

    /** Inverse transform of {@code spectrum} (kept) into {@code image} (overwritten), scaled by 1/(width*height). */
    public void inverse(ComplexFrame spectrum, Frame image) {
        check(image, spectrum);
        inverse(spectrum.data(), image.data());
    }

    /**
     * As {@link #inverse(ComplexFrame, Frame)}, but uses {@code spectrum} as work space (its values are lost): no
     * temporary spectrum is allocated.
     */
    public void inverseOverwriting(ComplexFrame spectrum, Frame image) {
        check(image, spectrum);
        inverseOverwriting(spectrum.data(), image.data());
    }

    /** Forward transform of row-major {@code real} ({@code width*height}) into half-complex {@code spectrum}. */
    public void forward(float[] real, float[] spectrum) {
        checkLengths(real, spectrum);
        // NB: split on pairs of rows, which RealRows may transform together, so results do not depend on threads
        Parallel.forItems((height + 1) / 2, 2L * width,
                (p0, p1) -> rows.forward(real, spectrum, 2 * p0, Math.min(2 * p1, height)));
        columnPass(spectrum, spectrum, false);
    }

    /** Inverse transform of half-complex {@code spectrum} (kept) into row-major {@code real}. */
    public void inverse(float[] spectrum, float[] real) {
        checkLengths(real, spectrum);
        float[] work = new float[spectrum.length];
        columnPass(spectrum, work, true);
        rowsInverse(work, real);
    }

    /** Inverse transform that uses {@code spectrum} as work space (its values are lost). */
    public void inverseOverwriting(float[] spectrum, float[] real) {
        checkLengths(real, spectrum);
        columnPass(spectrum, spectrum, true);
        rowsInverse(spectrum, real);
    }

    private void rowsInverse(float[] work, float[] real) {
        Parallel.forItems((height + 1) / 2, 2L * width,
                (p0, p1) -> rows.inverse(work, real, 2 * p0, Math.min(2 * p1, height)));
    }

    /** Complex FFT of every column of {@code src} into {@code dst} (which may be {@code src}). */
    private void columnPass(float[] src, float[] dst, boolean inverse) {
        if (height == 1) {
            if (src != dst) {
                System.arraycopy(src, 0, dst, 0, src.length);
            }
            return;
        }
        int stride = 2 * columns;
        int h2 = 2 * height;
        int blocks = (columns + BLOCK - 1) / BLOCK;
        Parallel.forItems(blocks, (long) BLOCK * height, (b0, b1) -> {
            float[] tmp = new float[BLOCK * h2];
            for (int b = b0; b < b1; b++) {
                int c0 = 2 * b * BLOCK;
                int nb = Math.min(BLOCK, columns - b * BLOCK);
                int nf = 2 * nb;
                for (int y = 0; y < height; y++) {
                    int s = y * stride + c0;
                    int t = 2 * y;
                    for (int j = 0; j < nf; j += 2) {
                        int tj = j * height + t; // (j/2) * h2 + t
                        tmp[tj] = src[s + j];
                        tmp[tj + 1] = src[s + j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    if (inverse) {
                        columnFft.complexInverse(tmp, j * h2, true);
                    } else {
                        columnFft.complexForward(tmp, j * h2);
                    }
                }
                for (int y = 0; y < height; y++) {
                    int s = y * stride + c0;
                    int t = 2 * y;
                    for (int j = 0; j < nf; j += 2) {
                        int tj = j * height + t;
                        dst[s + j] = tmp[tj];
                        dst[s + j + 1] = tmp[tj + 1];
                    }
                }
            }
        });
    }

    private void check(Frame image, ComplexFrame spectrum) {
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("this plan is for " + width + "x" + height + " images, got " + image);
        }
        if (spectrum.width() != width || spectrum.height() != height) {
            throw new IllegalArgumentException("this plan is for " + width + "x" + height + " images, got " + spectrum);
        }
    }

    private void checkLengths(float[] real, float[] spectrum) {
        if (real.length != width * height || spectrum.length != 2 * columns * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " plan needs " + width * height
                    + " real and " + 2 * columns * height + " spectrum floats, got " + real.length + " and "
                    + spectrum.length);
        }
    }

    @Override
    public String toString() {
        return "FftPlan " + width + "x" + height;
    }
}
