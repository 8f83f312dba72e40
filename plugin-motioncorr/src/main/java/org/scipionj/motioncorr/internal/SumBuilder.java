package org.scipionj.motioncorr.internal;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftPlan;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.process.FourierResize;

/**
 * Pass 2: the aligned sums. Frames are read again in batches, each resampled onto the reference by its displacement
 * field ({@link FrameWarper}) and added, with the weights of the {@link DoseWeighting} basis, into a few real-space
 * accumulators; then each accumulator is transformed once and the dose-weighted spectrum combined, Fourier-cropped
 * by the bin factor and transformed back. The plain sum is accumulator 0 (exact). A batch of frames is added tile by
 * tile, so each accumulator tile is read and written once per batch rather than once per frame.
 */
final class SumBuilder {

    /**
     * The sums made.
     *
     * @param plain the aligned sum, or null when not asked for
     * @param doseWeighted the dose-weighted aligned sum, or null
     * @param pixelSize Å per pixel of the sums (after binning)
     * @param rank accumulators used
     * @param weightError largest error of the low-rank dose weights (0 without dose weighting)
     */
    record Sums(Frame plain, Frame doseWeighted, double pixelSize, int rank, double weightError) {
    }

    private SumBuilder() {
    }

    /**
     * @param batch frames read and added together (memory: one full frame each)
     */
    static Sums build(MovieFrames frames, AlignSettings s, Motion motion, Workers workers, Timings timings,
                      int batch) throws Exception {
        int w = frames.width();
        int h = frames.height();
        int n = s.summedFrames();
        DoseWeighting dw = s.doseWeighting()
                ? new DoseWeighting(DoseWeighting.exposures(s.doseInitial(), s.dosePerFrame(), s.sumFirst(), n),
                        s.pixelSize(), s.voltage_kV())
                : null;
        int rank = dw == null ? 1 : dw.rank();
        float[][] basis = new float[rank][n];
        for (int j = 0; j < rank; j++) {
            for (int f = 0; f < n; f++) {
                basis[j][f] = dw == null ? 1f : (float) dw.basis(j, f);
            }
        }
        float[][] acc = new float[rank][w * h];
        int b = Math.max(1, Math.min(batch, n));
        float[][] buffers = new float[b][];
        for (int start = 0; start < n; start += b) {
            int count = Math.min(b, n - start);
            int first = start;
            long t0 = System.nanoTime();
            workers.forEach(count, i -> {
                if (buffers[i] == null) {
                    buffers[i] = new float[frames.bufferSize()];
                }
                frames.read(s.sumFirst() + first + i, buffers[i], timings);
            });
            long t1 = System.nanoTime();
            timings.add("pass 2: read, correct", t1 - t0);
            Motion.Field[] fields = new Motion.Field[count];
            for (int i = 0; i < count; i++) {
                fields[i] = motion.field(s.sumFirst() + first + i);
            }
            addBatch(acc, basis, buffers, fields, first, count, w, h, workers);
            timings.add("pass 2: warp, accumulate", System.nanoTime() - t1);
        }
        java.util.Arrays.fill(buffers, null);
        long t2 = System.nanoTime();
        Sums sums = finish(acc, dw, s, w, h, workers);
        timings.add("sums: FFTs, dose weights, binning", System.nanoTime() - t2);
        return sums;
    }

    private static void addBatch(float[][] acc, float[][] basis, float[][] frames, Motion.Field[] fields, int first,
                                 int count, int w, int h, Workers workers) throws Exception {
        int tilesX = (w + FrameWarper.TILE_W - 1) / FrameWarper.TILE_W;
        int tilesY = (h + FrameWarper.TILE_H - 1) / FrameWarper.TILE_H;
        int rank = acc.length;
        workers.forEach(tilesY, ty -> {
            int tWidth = FrameWarper.TILE_W;
            int t = FrameWarper.TILE_H;
            float[] out = new float[t * tWidth];
            float[] scratch = new float[(t + FrameWarper.TAPS - 1) * tWidth];
            float[][] local = new float[rank][t * tWidth]; // NB: contiguous tile accumulators: long inner loops
            float[] wx = new float[FrameWarper.TAPS];
            float[] wy = new float[FrameWarper.TAPS];
            double[] d = new double[2];
            int y0 = ty * t;
            int th = Math.min(t, h - y0);
            for (int tx = 0; tx < tilesX; tx++) {
                int x0 = tx * tWidth;
                int tw = Math.min(tWidth, w - x0);
                int n = tw * th;
                for (int i = 0; i < count; i++) {
                    fields[i].at(x0 + (tw - 1) / 2.0, y0 + (th - 1) / 2.0, d);
                    FrameWarper.tile(frames[i], w, h, x0, y0, tw, th, d[0], d[1], out, scratch, wx, wy);
                    for (int j = 0; j < rank; j++) {
                        if (i == 0) {
                            FrameWarper.scale(out, 0, basis[j][first], local[j], 0, n);
                        } else {
                            FrameWarper.axpy(out, 0, basis[j][first + i], local[j], 0, n);
                        }
                    }
                }
                for (int j = 0; j < rank; j++) {
                    float[] a = acc[j];
                    for (int y = 0; y < th; y++) {
                        FrameWarper.axpy(local[j], y * tw, 1f, a, (y0 + y) * w + x0, tw);
                    }
                }
            }
        });
    }

    private static Sums finish(float[][] acc, DoseWeighting dw, AlignSettings s, int w, int h, Workers workers)
            throws Exception {
        boolean binned = s.binFactor() != 1;
        int ow = binned ? FourierResize.binnedSize(w, s.binFactor()) : w;
        int oh = binned ? FourierResize.binnedSize(h, s.binFactor()) : h;
        double outPixel = s.pixelSize() * w / (double) ow;
        float plainFactor = dw == null ? 1f : (float) dw.plainFactor();
        Frame plain = null;
        Frame weighted = null;
        FftPlan plan = Fft.plan(w, h);
        if (dw != null || (binned && s.plainSum())) {
            ComplexFrame spectrum = new ComplexFrame(w, h);
            ComplexFrame dwOut = dw == null ? null : new ComplexFrame(ow, oh);
            ComplexFrame plainOut = null;
            int rank = dw == null ? 1 : dw.rank();
            for (int j = 0; j < rank; j++) {
                plan.forward(acc[j], spectrum.data());
                ComplexFrame cropped = binned ? FourierResize.resize(spectrum, ow, oh) : spectrum;
                if (j == 0 && binned && s.plainSum()) {
                    plainOut = cropped.copy();
                    scale(plainOut.data(), plainFactor);
                }
                if (dwOut != null) {
                    addWeighted(dwOut, cropped, dw, j, w, h, s.pixelSize(), workers);
                }
            }
            if (dwOut != null) {
                weighted = new Frame(ow, oh);
                Fft.plan(ow, oh).inverseOverwriting(dwOut, weighted);
            }
            if (plainOut != null) {
                plain = new Frame(ow, oh);
                Fft.plan(ow, oh).inverseOverwriting(plainOut, plain);
            }
        }
        if (!binned && s.plainSum()) {
            scale(acc[0], plainFactor);
            plain = new Frame(w, h, acc[0]);
        }
        return new Sums(plain, weighted, outPixel, acc.length, dw == null ? 0 : dw.maxError());
    }

    /** {@code out += c_j(k) in}, {@code k} the spatial frequency in 1/Å of each value. */
    private static void addWeighted(ComplexFrame out, ComplexFrame in, DoseWeighting dw, int j, int fullWidth,
                                    int fullHeight, double pixelSize, Workers workers) throws Exception {
        int columns = out.columns();
        int oh = out.height();
        float[] o = out.data();
        float[] src = in.data();
        float[] table = dw.table(j);
        workers.forRanges(oh, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                double ky = (double) Frequencies.signed(r, oh) / fullHeight;
                for (int col = 0; col < columns; col++) {
                    double kx = (double) col / fullWidth;
                    float f = table[dw.sample(Math.sqrt(kx * kx + ky * ky) / pixelSize)];
                    int i = 2 * (r * columns + col);
                    o[i] += f * src[i];
                    o[i + 1] += f * src[i + 1];
                }
            }
        });
    }

    private static void scale(float[] d, float f) {
        if (f == 1f) {
            return;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] *= f;
        }
    }
}
