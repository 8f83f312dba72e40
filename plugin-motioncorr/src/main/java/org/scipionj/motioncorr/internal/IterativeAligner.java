package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Frequencies;

/**
 * MotionCor2's iterative alignment of a stack (whole frames, or one patch of every frame group): each image is
 * correlated with the sum of all the <em>others</em>, aligned with the current shifts, through a B-factor filter
 * {@code exp(-B k^2 / 4)} ({@code k} in cycles per movie pixel, {@code B} in movie px² as MotionCor2's
 * {@code -Bft}); every image's shift is updated by its correlation peak; this repeats until no shift changes by
 * {@code tol} or more, or {@code maxIterations} is reached. Leaving each image out of its own reference avoids
 * the bias towards its current position that its own noise would give.
 *
 * <p>The images are given by their spectra on a grid whose pixel is {@code pitch} movie pixels (binned and/or
 * cropped data); shifts in and out are in movie pixels, with the simulator's and MotionCor2's sign: the displacement of the
 * specimen in an image, so the image is aligned by moving it by minus its shift. The lines {@code kx = 0} and
 * {@code ky = 0} are left out of the correlation: they carry the edges of the frame, which stay at the same place in
 * every frame and would pull the shifts to zero. Not thread-safe; use one per stack.
 */
final class IterativeAligner {

    /** The outcome: shifts in movie pixels, the iterations run, and the largest change at each iteration. */
    record Result(double[][] shifts, int iterations, List<Double> changes, double[] peaks) {
    }

    private final List<ComplexFrame> spectra;
    private final double pitchX;
    private final double pitchY;
    private final float[] filter;
    private final int width;
    private final int height;
    private final int columns;

    /**
     * @param spectra the images' spectra, all of one size (not changed)
     * @param pitchX movie pixels per grid pixel along x
     * @param pitchY movie pixels per grid pixel along y
     * @param bFactor MotionCor2 B-factor in movie px²
     */
    IterativeAligner(List<ComplexFrame> spectra, double pitchX, double pitchY, double bFactor) {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("nothing to align");
        }
        this.spectra = spectra;
        this.pitchX = pitchX;
        this.pitchY = pitchY;
        ComplexFrame first = spectra.get(0);
        this.width = first.width();
        this.height = first.height();
        this.columns = first.columns();
        this.filter = filter(width, height, pitchX, pitchY, bFactor);
    }

    /** {@code exp(-B k^2/4)} over a half spectrum, {@code k} in cycles per movie pixel, axes and Nyquist zeroed. */
    static float[] filter(int width, int height, double pitchX, double pitchY, double bFactor) {
        int columns = width / 2 + 1;
        float[] f = new float[columns * height];
        for (int r = 0; r < height; r++) {
            int s = Frequencies.signed(r, height);
            double ky = (double) s / height / pitchY;
            for (int c = 0; c < columns; c++) {
                double kx = (double) c / width / pitchX;
                boolean axis = c == 0 || s == 0 || (width % 2 == 0 && c == width / 2)
                        || (height % 2 == 0 && s == -height / 2);
                f[r * columns + c] = axis ? 0f : (float) Math.exp(-bFactor * (kx * kx + ky * ky) / 4);
            }
        }
        return f;
    }

    /**
     * Aligns the stack.
     *
     * @param initial starting shifts (movie pixels), one {@code {x, y}} per image; not changed
     * @param tol stop when no shift changes by this much (movie pixels)
     * @param maxIterations at most this many rounds
     * @param maxShift largest correction searched per round (movie pixels)
     */
    Result align(double[][] initial, double tol, int maxIterations, double maxShift, Workers workers)
            throws Exception {
        return align(initial, tol, maxIterations, maxShift, true, workers);
    }

    /**
     * As above; without {@code search}, even the first round climbs from the current shifts (no map search unless
     * the climb leaves {@code maxShift}): for patches, whose residual motion is small and whose correlation maps,
     * at low dose, hold noise peaks higher than the true one farther away.
     */
    Result align(double[][] initial, double tol, int maxIterations, double maxShift, boolean search,
                 Workers workers) throws Exception {
        int n = spectra.size();
        double[][] shifts = new double[n][];
        for (int i = 0; i < n; i++) {
            shifts[i] = initial[i].clone();
        }
        double[] peaks = new double[n];
        List<Double> changes = new ArrayList<>();
        if (n < 2) {
            return new Result(shifts, 0, changes, peaks);
        }
        List<ComplexFrame> aligned = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            aligned.add(new ComplexFrame(width, height));
        }
        ComplexFrame sum = new ComplexFrame(width, height);
        // NB: one cross spectrum per thread, reused: large arrays are expensive to allocate and collect
        ThreadLocal<ComplexFrame> products = ThreadLocal.withInitial(() -> new ComplexFrame(width, height));
        double maxGrid = maxShift / Math.max(pitchX, pitchY);
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            workers.forEach(n, i -> shifted(spectra.get(i), -shifts[i][0] / pitchX, -shifts[i][1] / pitchY,
                    aligned.get(i)));
            float[] s = sum.data();
            workers.forRanges(s.length, (from, to) -> {
                java.util.Arrays.fill(s, from, to, 0f);
                for (ComplexFrame a : aligned) {
                    float[] d = a.data();
                    for (int k = from; k < to; k++) {
                        s[k] += d[k];
                    }
                }
            });
            double[][] delta = new double[n][2];
            boolean mapSearch = search && iterations == 1;
            double climbLimit = search ? 1.5 : maxGrid;
            workers.forEach(n, i -> {
                ComplexFrame product = product(aligned.get(i), sum, products.get());
                // NB: after the first round the peak is near zero: Newton from there, the full map only if lost
                CorrelationPeak.Peak p = mapSearch ? null : CorrelationPeak.refine(product, 0, 0, 1.0);
                if (p == null || Math.hypot(p.dx(), p.dy()) > climbLimit) {
                    p = CorrelationPeak.find(product, maxGrid);
                }
                delta[i][0] = -p.dx() * pitchX;
                delta[i][1] = -p.dy() * pitchY;
                peaks[i] = p.value();
            });
            double change = 0;
            // NB: a peak gives the offset from the mean of the OTHER images, which move too: scaling by (n-1)/n
            // makes the updates land on a common position at once instead of converging as (1/(n-1))^k
            double damping = (n - 1.0) / n;
            for (int i = 0; i < n; i++) {
                delta[i][0] *= damping;
                delta[i][1] *= damping;
                shifts[i][0] += delta[i][0];
                shifts[i][1] += delta[i][1];
                change = Math.max(change, Math.hypot(delta[i][0], delta[i][1]));
            }
            changes.add(change);
            if (change < tol) {
                break;
            }
        }
        return new Result(shifts, iterations, changes, peaks);
    }

    /** {@code out = conj(a) (sum - a) filter}. */
    private ComplexFrame product(ComplexFrame a, ComplexFrame sum, ComplexFrame out) {
        float[] pa = a.data();
        float[] ps = sum.data();
        float[] o = out.data();
        for (int k = 0, m = 0; m < filter.length; m++, k += 2) {
            float f = filter[m];
            if (f == 0f) {
                o[k] = 0f;
                o[k + 1] = 0f;
                continue;
            }
            float ar = pa[k];
            float ai = pa[k + 1];
            float rr = ps[k] - ar;
            float ri = ps[k + 1] - ai;
            o[k] = (ar * rr + ai * ri) * f;
            o[k + 1] = (ar * ri - ai * rr) * f;
        }
        return out;
    }

    /** {@code out} = {@code in} with its image moved by {@code (dx, dy)} grid pixels. */
    static void shifted(ComplexFrame in, double dx, double dy, ComplexFrame out) {
        int w = in.width();
        int h = in.height();
        int columns = in.columns();
        float[] cosX = new float[columns];
        float[] sinX = new float[columns];
        for (int c = 0; c < columns; c++) {
            double phase = -2 * Math.PI * c * dx / w;
            cosX[c] = (float) Math.cos(phase);
            sinX[c] = (float) Math.sin(phase);
        }
        float[] src = in.data();
        float[] dst = out.data();
        for (int r = 0; r < h; r++) {
            double phase = -2 * Math.PI * Frequencies.signed(r, h) * dy / h;
            float cy = (float) Math.cos(phase);
            float sy = (float) Math.sin(phase);
            int o = 2 * r * columns;
            for (int c = 0; c < columns; c++) {
                float pr = cosX[c] * cy - sinX[c] * sy;
                float pi = cosX[c] * sy + sinX[c] * cy;
                int i = o + 2 * c;
                float re = src[i];
                float im = src[i + 1];
                dst[i] = re * pr - im * pi;
                dst[i + 1] = re * pi + im * pr;
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int columns() {
        return columns;
    }
}
