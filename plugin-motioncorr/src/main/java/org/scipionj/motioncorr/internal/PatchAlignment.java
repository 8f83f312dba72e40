package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;

/**
 * Patch alignment (MotionCor2's local step): the frames, moved by their global shifts (exactly, as Fourier phase
 * ramps on the binned spectra), are summed in groups of {@code groupLocal}; each group image is cut into
 * {@code patchX x patchY} overlapping windows, and every window position is aligned through the groups by
 * {@link IterativeAligner} with the local B-factor. The result is, per patch and group, the residual displacement
 * left after the global correction (movie pixels), for {@link LocalModel} to fit. Stateless.
 */
final class PatchAlignment {

    /**
     * Residual shifts measured on the patches.
     *
     * @param centres patch centres {x, y}, movie pixels (in the cropped frame)
     * @param times group times: mean frame index within the aligned range
     * @param residuals residual displacement [patch][group][x, y], movie pixels, each patch up to a constant
     * @param peaks mean correlation peak of each patch (how much signal it had)
     * @param iterations iterations each patch took
     */
    record Result(double[][] centres, double[] times, double[][][] residuals, double[] peaks, int[] iterations) {
    }

    /** Largest residual displacement searched on a patch (movie px): local motion beyond the global is small. */
    static final double MAX_LOCAL_SHIFT = 6;

    /**
     * Iterations at most per patch: residual motions are small, so 2 or 3 rounds converge; beyond that, low-dose
     * patches only chase their noise.
     */
    static final int MAX_PATCH_ITERATIONS = 4;

    private PatchAlignment() {
    }

    static Result align(AlignmentData data, double[][] globalShifts, AlignSettings s, Workers workers,
                        Timings timings) throws Exception {
        int n = data.frames();
        int bin = data.bin();
        int bw = data.width();
        int bh = data.height();
        int gl = Math.max(1, Math.min(s.groupLocal(), Math.max(1, n / 3)));
        int groups = (n + gl - 1) / gl;
        double[] times = new double[groups];
        Frame[] groupImages = new Frame[groups];
        long t0 = System.nanoTime();
        // NB: two spectra per thread, reused (the inverse transform overwrites the sum)
        ThreadLocal<ComplexFrame> sums = ThreadLocal.withInitial(() -> new ComplexFrame(bw, bh));
        ThreadLocal<ComplexFrame> moves = ThreadLocal.withInitial(() -> new ComplexFrame(bw, bh));
        workers.forEach(groups, j -> {
            int from = j * gl;
            int to = Math.min(n, from + gl);
            ComplexFrame sum = sums.get();
            ComplexFrame moved = moves.get();
            float[] acc = sum.data();
            java.util.Arrays.fill(acc, 0f);
            for (int f = from; f < to; f++) {
                IterativeAligner.shifted(data.spectrum(f), -globalShifts[f][0] / bin, -globalShifts[f][1] / bin,
                        moved);
                float[] d = moved.data();
                for (int k = 0; k < acc.length; k++) {
                    acc[k] += d[k];
                }
            }
            Frame img = new Frame(bw, bh);
            Fft.plan(bw, bh).inverseOverwriting(sum, img);
            groupImages[j] = img;
            times[j] = (from + to - 1) / 2.0;
        });
        timings.add("patch group sums", System.nanoTime() - t0);

        int px = Math.max(1, s.patchX());
        int py = Math.max(1, s.patchY());
        double overlap = 1 + Math.max(0, s.patchOverlap()) / 100.0;
        int pw = Math.min(bw - bw % 2, GlobalAlignment.goodEvenSize((int) Math.ceil(bw / (double) px * overlap)));
        int ph = Math.min(bh - bh % 2, GlobalAlignment.goodEvenSize((int) Math.ceil(bh / (double) py * overlap)));
        int patches = px * py;
        double[][] centres = new double[patches][2];
        double[][][] residuals = new double[patches][][];
        double[] peaks = new double[patches];
        int[] iterations = new int[patches];
        float[] taperX = taper(pw);
        float[] taperY = taper(ph);
        long t1 = System.nanoTime();
        workers.forEach(patches, p -> {
            int ix = p % px;
            int iy = p / px;
            int x0 = clamp((int) Math.round((ix + 0.5) * bw / px - pw / 2.0), bw - pw);
            int y0 = clamp((int) Math.round((iy + 0.5) * bh / py - ph / 2.0), bh - ph);
            centres[p][0] = (x0 + (pw - 1) / 2.0) * bin + data.origin();
            centres[p][1] = (y0 + (ph - 1) / 2.0) * bin + data.origin();
            List<ComplexFrame> spectra = new ArrayList<>();
            for (Frame g : groupImages) {
                spectra.add(Fft.forward(window(g, x0, y0, pw, ph, taperX, taperY)));
            }
            IterativeAligner aligner = new IterativeAligner(spectra, bin, bin, s.bLocal());
            IterativeAligner.Result r = aligner.align(new double[groups][2], s.tol(),
                    Math.min(s.maxIterations(), MAX_PATCH_ITERATIONS),
                    Math.min(MAX_LOCAL_SHIFT, Math.min(pw, ph) * bin / 4.0), false, Workers.SERIAL);
            residuals[p] = r.shifts();
            double mean = 0;
            for (double v : r.peaks()) {
                mean += v / groups;
            }
            peaks[p] = mean;
            iterations[p] = r.iterations();
        });
        timings.add("patch alignment", System.nanoTime() - t1);
        return new Result(centres, times, residuals, peaks, iterations);
    }

    /** The window, mean removed, edges tapered to zero by a cosine over an eighth of each side. */
    static Frame window(Frame image, int x0, int y0, int w, int h, float[] taperX, float[] taperY) {
        Frame out = new Frame(w, h);
        float[] o = out.data();
        float[] in = image.data();
        double sum = 0;
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, (y0 + y) * image.width() + x0, o, y * w, w);
        }
        for (float v : o) {
            sum += v;
        }
        float mean = (float) (sum / o.length);
        for (int y = 0; y < h; y++) {
            float ty = taperY[y];
            for (int x = 0; x < w; x++) {
                o[y * w + x] = (o[y * w + x] - mean) * ty * taperX[x];
            }
        }
        return out;
    }

    static float[] taper(int n) {
        float[] t = new float[n];
        int edge = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            t[i] = d >= edge ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / edge));
        }
        return t;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
