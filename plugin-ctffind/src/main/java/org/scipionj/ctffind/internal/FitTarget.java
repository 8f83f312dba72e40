package org.scipionj.ctffind.internal;

/**
 * The pixels of a prepared spectrum inside the fitting band, on one half of the plane (the spectrum of a real image
 * is centrosymmetric), in flat arrays: per pixel k², k⁴, cos 2θ, sin 2θ and the prepared value. {@link #score}
 * is the normalised cross-correlation between these values and a model {@code sin² χ}: the CTFFIND4 score
 * (Rohou &amp; Grigorieff 2015). Immutable; {@link #score} is thread-safe.
 */
final class FitTarget {

    private final int size;
    private final float[] k2;
    private final float[] k4;
    private final float[] cos2;
    private final float[] sin2;
    private final float[] value;
    private final double sumValue;
    private final double varValue;

    private FitTarget(int size, float[] k2, float[] k4, float[] cos2, float[] sin2, float[] value) {
        this.size = size;
        this.k2 = k2;
        this.k4 = k4;
        this.cos2 = cos2;
        this.sin2 = sin2;
        this.value = value;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < size; i++) {
            s += value[i];
            ss += (double) value[i] * value[i];
        }
        this.sumValue = s;
        this.varValue = ss - s * s / Math.max(1, size);
    }

    /**
     * The band pixels of {@code spectrum}, taking every {@code stride}-th pixel along x and y (1: all; 2: a quarter,
     * for coarse searches).
     */
    static FitTarget of(PreparedSpectrum spectrum, int stride) {
        int n = spectrum.box();
        int c = n / 2;
        double step = spectrum.frequencyStep();
        double rLow = spectrum.lowFrequency() / step;
        double rHigh = spectrum.highFrequency() / step;
        int capacity = (int) (Math.PI * rHigh * rHigh / 2 / stride / stride) + 4 * n;
        float[] k2 = new float[capacity];
        float[] k4 = new float[capacity];
        float[] cos2 = new float[capacity];
        float[] sin2 = new float[capacity];
        float[] value = new float[capacity];
        float[] v = spectrum.values().data();
        int size = 0;
        for (int y = c; y < n; y += stride) {
            int dy = y - c;
            for (int x = 0; x < n; x += stride) {
                int dx = x - c;
                if (dy == 0 && dx < 0) {
                    continue; // NB: the other half of the ky = 0 row is its mirror
                }
                double r2 = (double) dx * dx + (double) dy * dy;
                if (r2 < rLow * rLow || r2 > rHigh * rHigh) {
                    continue;
                }
                double kk = r2 * step * step;
                k2[size] = (float) kk;
                k4[size] = (float) (kk * kk);
                cos2[size] = (float) ((dx * dx - dy * dy) / r2);
                sin2[size] = (float) (2.0 * dx * dy / r2);
                value[size] = v[y * n + x];
                size++;
            }
        }
        return new FitTarget(size, k2, k4, cos2, sin2, value);
    }

    /** Number of pixels. */
    int size() {
        return size;
    }

    /** Normalised cross-correlation between the values and {@code sin² χ} of {@code p}; 0 when undefined. */
    double score(CtfParameters p, Microscope optics) {
        double[] s = new double[3];
        sums(p, optics, 0, size, s);
        return correlation(s);
    }

    /** As {@link #score(CtfParameters, Microscope)}, with the pixels split over {@code workers}. */
    double score(CtfParameters p, Microscope optics, Workers workers) {
        if (workers.threads() == 1 || size < 16_000) {
            return score(p, optics);
        }
        int parts = workers.threads();
        double[][] sums = new double[parts][3];
        workers.forRange(parts, (p0, p1) -> {
            for (int j = p0; j < p1; j++) {
                sums(p, optics, (int) ((long) size * j / parts), (int) ((long) size * (j + 1) / parts), sums[j]);
            }
        });
        double[] total = new double[3];
        for (double[] s : sums) {
            for (int i = 0; i < 3; i++) {
                total[i] += s[i];
            }
        }
        return correlation(total);
    }

    private double correlation(double[] s) {
        double n = size;
        double cov = s[2] - sumValue * s[0] / n;
        double varModel = s[1] - s[0] * s[0] / n;
        double denominator = Math.sqrt(varValue * varModel);
        return denominator > 0 ? cov / denominator : 0;
    }

    /** Adds Σm, Σm², Σvm over pixels [from, to) to {@code out}. */
    private void sums(CtfParameters p, Microscope optics, int from, int to, double[] out) {
        double a = optics.defocusFactor();
        double b = optics.sphericalFactor();
        double c0 = optics.amplitudePhase_rad() + p.phaseShift_rad();
        double mean = p.mean_A();
        double hx = 0.5 * p.astigX_A();
        double hy = 0.5 * p.astigY_A();
        double sm = 0;
        double smm = 0;
        double svm = 0;
        for (int i = from; i < to; i++) {
            double df = mean + hx * cos2[i] + hy * sin2[i];
            double m = FastTrig.sin2(a * df * k2[i] - b * k4[i] + c0);
            sm += m;
            smm += m * m;
            svm += value[i] * m;
        }
        out[0] += sm;
        out[1] += smm;
        out[2] += svm;
    }
}
