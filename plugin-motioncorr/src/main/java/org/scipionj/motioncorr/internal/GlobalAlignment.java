package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.process.FourierResize;

/**
 * Whole-frame alignment: frames are summed in groups of {@code group} (low dose), the group spectra are cropped to
 * the band the global B-factor passes, aligned by {@link IterativeAligner}, and the group shifts are interpolated
 * linearly to every frame (in frame time; extrapolated at the ends). Shifts are relative to the first aligned frame.
 * Stateless.
 */
final class GlobalAlignment {

    /** Per-frame shifts of the aligned frames (movie pixels) and what the iterations did. */
    record Result(double[][] shifts, int iterations, List<Double> changes) {
    }

    private GlobalAlignment() {
    }

    static Result align(AlignmentData data, AlignSettings s, Workers workers) throws Exception {
        int n = data.frames();
        int g = Math.max(1, Math.min(s.group(), n));
        int groups = (n + g - 1) / g;
        double kCut = Math.sqrt(4 * Math.log(10) / Math.max(s.bGlobal(), 1e-6)); // weight 0.1, cycles/movie px
        double ratio = Math.min(1, 2 * kCut * data.bin());
        int cw = ratio >= 1 ? data.width() : Math.min(data.width(), goodEvenSize((int) Math.ceil(data.width() * ratio)));
        int ch = ratio >= 1 ? data.height() : Math.min(data.height(), goodEvenSize((int) Math.ceil(data.height() * ratio)));
        List<ComplexFrame> spectra = new ArrayList<>();
        double[] times = new double[groups];
        for (int j = 0; j < groups; j++) {
            spectra.add(null);
        }
        workers.forEach(groups, j -> {
            int from = j * g;
            int to = Math.min(n, from + g);
            ComplexFrame sum = data.spectrum(from);
            if (to - from > 1) {
                sum = sum.copy();
                float[] acc = sum.data();
                for (int i = from + 1; i < to; i++) {
                    float[] d = data.spectrum(i).data();
                    for (int k = 0; k < acc.length; k++) {
                        acc[k] += d[k];
                    }
                }
            }
            spectra.set(j, cw == data.width() && ch == data.height() ? sum : FourierResize.resize(sum, cw, ch));
            times[j] = (from + to - 1) / 2.0;
        });
        double pitchX = data.bin() * (double) data.width() / cw;
        double pitchY = data.bin() * (double) data.height() / ch;
        IterativeAligner aligner = new IterativeAligner(spectra, pitchX, pitchY, s.bGlobal());
        double maxShift = Math.min(data.width(), data.height()) * data.bin() / 4.0;
        IterativeAligner.Result r = aligner.align(new double[groups][2], s.tol(), s.maxIterations(), maxShift,
                workers);
        double[][] frameShifts = interpolate(times, r.shifts(), n);
        double x0 = frameShifts[0][0];
        double y0 = frameShifts[0][1];
        for (double[] f : frameShifts) {
            f[0] -= x0;
            f[1] -= y0;
        }
        return new Result(frameShifts, r.iterations(), r.changes());
    }

    /** Shifts at frames {@code 0..n-1} from shifts at {@code times}, linear, extrapolated from the end segments. */
    static double[][] interpolate(double[] times, double[][] shifts, int n) {
        double[][] out = new double[n][2];
        if (times.length == 1) {
            for (double[] o : out) {
                o[0] = shifts[0][0];
                o[1] = shifts[0][1];
            }
            return out;
        }
        for (int f = 0; f < n; f++) {
            int seg = 0;
            while (seg < times.length - 2 && f > times[seg + 1]) {
                seg++;
            }
            double t = (f - times[seg]) / (times[seg + 1] - times[seg]);
            for (int a = 0; a < 2; a++) {
                out[f][a] = shifts[seg][a] + t * (shifts[seg + 1][a] - shifts[seg][a]);
            }
        }
        return out;
    }

    /** The smallest even size at least {@code n} whose only prime factors are 2, 3 and 5 (fast FFT sizes). */
    static int goodEvenSize(int n) {
        for (int m = Math.max(2, n + (n & 1)); ; m += 2) {
            int r = m;
            for (int p : new int[] {2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }
}
