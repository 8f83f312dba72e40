package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.process.FourierResize;

/**
 * Whole-frame alignment: frames are summed in groups of {@code group} (low dose), the group spectra are cropped to
 * the band the global B-factor passes (and to at most {@value #MAX_SIZE} pixels) and aligned by
 * {@link IterativeAligner}, coarse to fine in time: first groups of {@value #COARSE_GROUP} frames (searched over the
 * whole correlation map), then each group of {@code group} frames from that trajectory (climbing to the nearest
 * peak; the correlation map is searched within {@value #FINE_WINDOW} px only when the climb fails). The shifts are regularised in time ({@link Trajectory}) and interpolated
 * linearly to every frame (in frame time; extrapolated at the ends). Shifts are relative to the first aligned frame.
 * Stateless.
 */
final class GlobalAlignment {

    /** Largest side of the spectra correlated: beyond it, frames give far more signal than needed. */
    static final int MAX_SIZE = 1024;

    /**
     * Per-frame shifts of the aligned frames (movie pixels), what the iterations did, and the smoothing chosen
     * ({@link Trajectory}; 0: none).
     */
    record Result(double[][] shifts, int iterations, List<Double> changes, double smoothing) {
    }

    private GlobalAlignment() {
    }

    static Result align(AlignmentData data, AlignSettings s, Workers workers) throws Exception {
        int n = data.frames();
        int g = Math.max(1, Math.min(s.group(), n));
        double kCut = Math.sqrt(4 * Math.log(100) / Math.max(s.bGlobal(), 1e-6)); // weight 0.01, cycles/movie px
        double ratio = Math.min(Math.min(1, MAX_SIZE / (double) Math.max(data.width(), data.height())),
                2 * kCut * data.bin());
        int cw = ratio >= 1 ? data.width() : Math.min(data.width(), goodEvenSize((int) Math.ceil(data.width() * ratio)));
        int ch = ratio >= 1 ? data.height() : Math.min(data.height(), goodEvenSize((int) Math.ceil(data.height() * ratio)));
        double pitchX = data.bin() * (double) data.width() / cw;
        double pitchY = data.bin() * (double) data.height() / ch;
        double maxShift = Math.min(data.width(), data.height()) * data.bin() / 4.0;
        Groups units = groups(data, g, cw, ch, workers);
        IterativeAligner aligner = new IterativeAligner(units.spectra, pitchX, pitchY, s.bGlobal());
        int coarseSize = Math.max(COARSE_GROUP, g);
        IterativeAligner.Result r;
        int iterations = 0;
        List<Double> changes = new java.util.ArrayList<>();
        if (coarseSize > g && n / coarseSize >= 3) {
            // NB: coarse to fine in time: groups of frames find the trajectory without locking on noise peaks, then
            // each unit only climbs from there
            Groups coarse = groups(data, coarseSize, cw, ch, workers);
            IterativeAligner.Result c = new IterativeAligner(coarse.spectra, pitchX, pitchY, s.bGlobal())
                    .align(new double[coarse.times.length][2], s.tol(), s.maxIterations(), maxShift, workers);
            double[][] start = interpolateAt(coarse.times, Trajectory.smooth(c.shifts()).shifts(), units.times);
            iterations += c.iterations();
            changes.addAll(c.changes());
            r = aligner.align(start, s.tol(), s.maxIterations(), FINE_WINDOW, false, workers);
        } else {
            r = aligner.align(new double[units.times.length][2], s.tol(), s.maxIterations(), maxShift, workers);
        }
        iterations += r.iterations();
        changes.addAll(r.changes());
        Trajectory.Smoothed smooth = Trajectory.smooth(r.shifts());
        double[][] frameShifts = interpolate(units.times, smooth.shifts(), n);
        double x0 = frameShifts[0][0];
        double y0 = frameShifts[0][1];
        for (double[] f : frameShifts) {
            f[0] -= x0;
            f[1] -= y0;
        }
        return new Result(frameShifts, iterations, changes, smooth.lambda());
    }

    /** Frames summed per group for the coarse first pass. */
    static final int COARSE_GROUP = 4;

    /** How far (movie px) a unit may move from the coarse trajectory in the fine pass. */
    static final double FINE_WINDOW = 8;

    /** Spectra of consecutive groups of frames, cropped, and the groups' times (mean frame index). */
    private record Groups(List<ComplexFrame> spectra, double[] times) {
    }

    private static Groups groups(AlignmentData data, int g, int cw, int ch, Workers workers) throws Exception {
        int n = data.frames();
        int count = (n + g - 1) / g;
        List<ComplexFrame> spectra = new java.util.ArrayList<>();
        double[] times = new double[count];
        for (int j = 0; j < count; j++) {
            spectra.add(null);
        }
        workers.forEach(count, j -> {
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
        return new Groups(spectra, times);
    }

    /** Shifts at arbitrary {@code at} times from shifts at {@code times}, linear, extrapolated. */
    static double[][] interpolateAt(double[] times, double[][] shifts, double[] at) {
        double[][] out = new double[at.length][2];
        for (int f = 0; f < at.length; f++) {
            if (times.length == 1) {
                out[f] = shifts[0].clone();
                continue;
            }
            int seg = 0;
            while (seg < times.length - 2 && at[f] > times[seg + 1]) {
                seg++;
            }
            double t = (at[f] - times[seg]) / (times[seg + 1] - times[seg]);
            for (int a = 0; a < 2; a++) {
                out[f][a] = shifts[seg][a] + t * (shifts[seg + 1][a] - shifts[seg][a]);
            }
        }
        return out;
    }

    /** Shifts at frames {@code 0..n-1} from shifts at {@code times}, linear, extrapolated from the end segments. */
    static double[][] interpolate(double[] times, double[][] shifts, int n) {
        double[] at = new double[n];
        for (int f = 0; f < n; f++) {
            at[f] = f;
        }
        return interpolateAt(times, shifts, at);
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
