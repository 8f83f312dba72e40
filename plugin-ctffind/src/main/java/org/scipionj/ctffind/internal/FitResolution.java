package org.scipionj.ctffind.internal;

/**
 * How far the Thon rings are fitted (Rohou &amp; Grigorieff 2015): the prepared spectrum is equiphase-averaged for
 * the fitted CTF (each pixel goes to the frequency whose CTF phase without astigmatism equals its own, so
 * astigmatism does not blur the rings), then correlated with the fitted model over a sliding window about two rings
 * wide; the fit resolution is the highest frequency up to which that correlation stays at or above
 * {@link #THRESHOLD} without interruption, from the low-resolution limit on. Profiles reach the corners of the
 * spectrum (frequencies up to √2 × Nyquist along the diagonals), as CTFFIND's do. Stateless.
 */
final class FitResolution {

    /** The per-shell correlation the rings must keep to count as fitted. */
    static final double THRESHOLD = 0.75;
    /** Equiphase bins with less weight than this (corner pixels) end the profile. */
    private static final double MIN_WEIGHT = 16;

    private FitResolution() {
    }

    static FitDiagnostics of(PreparedSpectrum spectrum, Microscope optics, CtfParameters fit) {
        int n = spectrum.box();
        int c = n / 2;
        double step = spectrum.frequencyStep();
        float[] v = spectrum.values().data();
        double a = optics.defocusFactor();
        double b = optics.sphericalFactor();
        double c0 = optics.amplitudePhase_rad() + fit.phaseShift_rad();
        double mean = fit.mean_A();
        int bins = (int) Math.ceil(c * Math.sqrt(2)) + 1; // NB: to the corners, as CTFFIND's profiles
        double[] rotSum = new double[bins];
        double[] rotCount = new double[bins];
        double[] epaSum = new double[bins];
        double[] epaWeight = new double[bins];
        for (int y = 0; y < n; y++) {
            int dy = y - c;
            for (int x = 0; x < n; x++) {
                int dx = x - c;
                double r2 = (double) dx * dx + (double) dy * dy;
                double r = Math.sqrt(r2);
                float value = v[y * n + x];
                int ring = (int) Math.round(r);
                rotSum[ring] += value;
                rotCount[ring]++;
                if (r2 == 0) {
                    continue;
                }
                double k2 = r2 * step * step;
                double df = fit.defocusAt((dx * dx - dy * dy) / r2, 2.0 * dx * dy / r2);
                double chi = a * df * k2 - b * k2 * k2;
                double equivalent = equivalentK2(chi, a * mean, b);
                if (!(equivalent >= 0)) {
                    continue;
                }
                double u = Math.sqrt(equivalent) / step;
                int i0 = (int) Math.floor(u);
                double f = u - i0;
                if (i0 < bins) {
                    epaSum[i0] += (1 - f) * value;
                    epaWeight[i0] += 1 - f;
                }
                if (i0 + 1 < bins) {
                    epaSum[i0 + 1] += f * value;
                    epaWeight[i0 + 1] += f;
                }
            }
        }
        double[] frequency = new double[bins];
        double[] rotational = new double[bins];
        double[] equiphase = new double[bins];
        double[] model = new double[bins];
        for (int i = 0; i < bins; i++) {
            double k = i * step;
            frequency[i] = k;
            rotational[i] = rotCount[i] > 0 ? rotSum[i] / rotCount[i] : 0;
            equiphase[i] = epaWeight[i] > 0 ? epaSum[i] / epaWeight[i] : 0;
            model[i] = FastTrig.sin2(a * mean * k * k - b * k * k * k * k + c0);
        }
        int first = Math.max(1, (int) Math.ceil(spectrum.lowFrequency() / step));
        double[] cc = new double[bins];
        double[] twoSigma = new double[bins];
        int last = first - 1;
        boolean broken = false;
        int end = bins - 1;
        while (end > first && epaWeight[end] < MIN_WEIGHT) {
            end--; // NB: the last bins hold only a few corner pixels
        }
        for (int i = first; i <= end; i++) {
            int h = halfWindow(i * step, a * mean, b, step, c);
            int j0 = Math.max(first, i - h);
            int j1 = Math.min(end, i + h);
            cc[i] = correlation(equiphase, model, j0, j1);
            twoSigma[i] = 2 / Math.sqrt(j1 - j0 + 1);
            if (!broken) {
                if (cc[i] >= THRESHOLD) {
                    last = i;
                } else {
                    broken = true;
                }
            }
        }
        double resolution = last >= first ? 1 / frequency[last] : 1 / frequency[first];
        return new FitDiagnostics(frequency, rotational, equiphase, model, cc, twoSigma, resolution, first, last);
    }

    /** k'² with {@code A k'² − b k'⁴ = chi} on the branch where χ still grows with k; NaN beyond χ's maximum. */
    static double equivalentK2(double chi, double aMean, double b) {
        if (b == 0) {
            return chi / aMean;
        }
        double disc = aMean * aMean - 4 * b * chi;
        if (disc < 0) {
            return Double.NaN;
        }
        return 2 * chi / (aMean + Math.sqrt(disc)); // NB: the smaller root, without cancellation
    }

    /** Half-width in bins of the window at frequency k: one Thon ring period (at least 2 bins, at most n/8). */
    private static int halfWindow(double k, double aMean, double b, double step, int c) {
        double slope = Math.abs(2 * aMean * k - 4 * b * k * k * k); // dχ/dk
        double period = slope > 0 ? Math.PI / slope / step : c;
        return (int) Math.max(2, Math.min(c / 4.0, Math.round(period)));
    }

    private static double correlation(double[] x, double[] y, int from, int to) {
        int n = to - from + 1;
        double mx = 0;
        double my = 0;
        for (int i = from; i <= to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i <= to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double d = Math.sqrt(sxx * syy);
        return d > 0 ? sxy / d : 0;
    }
}
