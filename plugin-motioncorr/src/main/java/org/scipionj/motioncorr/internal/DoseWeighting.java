package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Exposure filter of Grant &amp; Grigorieff 2015 (eLife 4:e06980): frame {@code f} is weighted at spatial frequency
 * {@code k} (1/Å) by {@code q_f(k) = exp(-N_f / (2 Ne(k)))}, with the critical exposure
 * {@code Ne(k) = (a k^b + c) * v}, {@code a = 0.245, b = -1.665, c = 2.81} and {@code v} the voltage factor (1 at
 * 300 kV, 0.8 at 200 kV, as Unblur/cisTEM), and {@code N_f} the accumulated exposure at the end of the frame
 * ({@code doseInitial + (f + 1) dosePerFrame}, {@code f} counted from the first frame of the movie). The weighted
 * sum is {@code sum_f q_f A_f * sqrt(F / sum_f q_f^2)}: at {@code k = 0} it equals the plain sum, and white noise
 * keeps the power it has in the plain sum.
 *
 * <p><b>Low-rank form.</b> The weights of {@code F} frames over all frequencies form an {@code F x K} matrix of
 * decaying exponentials whose numerical rank is small (4 for 40 frames to 3e-3). So the weighted sum is computed
 * from {@code J << F} real-space sums {@code sum_f u_j[f] a_f} (one Fourier transform each) instead of one
 * transform per frame: {@code DW(k) = sum_j c_j(k) FT(sum_f u_j[f] a_f)(k)}. The first basis vector is the constant
 * one, so the plain (unweighted) sum is exact: {@code sqrt(F) * FT(acc_0)}. Immutable, thread-safe.
 */
final class DoseWeighting {

    static final double A = 0.245;
    static final double B = -1.665;
    static final double C = 2.81;

    /**
     * Largest error allowed on a weight (weights are at most 1) when choosing the rank: 0.3 %, far below the
     * uncertainty of the critical-exposure fit itself, and rank 4 instead of 5 for 40 frames (one accumulator and one
     * full-size FFT less per movie).
     */
    static final double TOLERANCE = 3e-3;

    private static final int SAMPLES = 8192;

    private final double[][] basis;
    private final double[][] coefficients;
    private final double kMax;
    private final double maxError;

    /**
     * @param exposures accumulated exposure N_f (e/Å²) of each summed frame
     * @param pixelSize Å/px of the frames being summed
     * @param voltage_kV acceleration voltage
     */
    DoseWeighting(double[] exposures, double pixelSize, double voltage_kV) {
        int frames = exposures.length;
        this.kMax = Math.sqrt(0.5) / pixelSize; // the corner of the spectrum
        double[][] w = new double[SAMPLES][frames];
        double vf = voltageFactor(voltage_kV);
        for (int s = 0; s < SAMPLES; s++) {
            double k = kMax * s / (SAMPLES - 1);
            for (int f = 0; f < frames; f++) {
                w[s][f] = weight(exposures[f], k, vf);
            }
        }
        List<double[]> vectors = new ArrayList<>();
        double[] ones = new double[frames];
        java.util.Arrays.fill(ones, 1 / Math.sqrt(frames));
        vectors.add(ones);
        if (frames > 1) {
            // NB: principal directions of the weights once the constant part is projected out
            double[][] gram = new double[frames][frames];
            double[] r = new double[frames];
            for (double[] col : w) {
                double dot = dot(col, ones);
                for (int f = 0; f < frames; f++) {
                    r[f] = col[f] - dot * ones[f];
                }
                for (int i = 0; i < frames; i++) {
                    for (int j = 0; j <= i; j++) {
                        gram[i][j] += r[i] * r[j];
                    }
                }
            }
            for (int i = 0; i < frames; i++) {
                for (int j = i + 1; j < frames; j++) {
                    gram[i][j] = gram[j][i];
                }
            }
            double[][] eigenvectors = SymmetricEigen.decompose(gram).vectors();
            for (double[] v : eigenvectors) {
                if (error(w, vectors) <= TOLERANCE || vectors.size() == frames) {
                    break;
                }
                vectors.add(v);
            }
        }
        this.basis = vectors.toArray(new double[0][]);
        this.maxError = error(w, vectors);
        this.coefficients = new double[SAMPLES][basis.length];
        for (int s = 0; s < SAMPLES; s++) {
            double sq = 0;
            for (double x : w[s]) {
                sq += x * x;
            }
            double norm = Math.sqrt(frames / sq);
            for (int j = 0; j < basis.length; j++) {
                coefficients[s][j] = dot(w[s], basis[j]) * norm;
            }
        }
    }

    /** Exposure at the end of each frame {@code first .. first+count-1} (0-based indices into the movie). */
    static double[] exposures(double doseInitial, double dosePerFrame, int first, int count) {
        double[] n = new double[count];
        for (int i = 0; i < count; i++) {
            n[i] = doseInitial + (first + i + 1) * dosePerFrame;
        }
        return n;
    }

    /** Grant &amp; Grigorieff's critical exposure at {@code k} 1/Å, 300 kV. */
    static double criticalExposure(double k) {
        return k <= 0 ? Double.POSITIVE_INFINITY : A * Math.pow(k, B) + C;
    }

    /** The voltage factor of the critical exposure: 1 at 300 kV, 0.8 at 200 kV, linear in between and beyond. */
    static double voltageFactor(double voltage_kV) {
        double v = 0.8 + 0.2 * (voltage_kV - 200) / 100;
        return Math.max(0.5, Math.min(1.2, v));
    }

    /** The filter value for exposure {@code n} at {@code k} 1/Å. */
    static double weight(double n, double k, double voltageFactor) {
        return Math.exp(-n / (2 * criticalExposure(k) * voltageFactor));
    }

    /** Number of real-space sums to accumulate. */
    int rank() {
        return basis.length;
    }

    /** The weight of frame {@code f} (index among the summed frames) in sum {@code j}. */
    double basis(int j, int f) {
        return basis[j][f];
    }

    /** Largest error of the low-rank weights against the exact ones (weights are at most 1). */
    double maxError() {
        return maxError;
    }

    /**
     * Fills {@code out[j]} with the factor of transformed sum {@code j} at {@code k} 1/Å for the dose-weighted sum
     * (normalisation included).
     */
    void coefficients(double k, double[] out) {
        double s = Math.min(SAMPLES - 1.0, Math.max(0, k / kMax * (SAMPLES - 1)));
        int i = (int) s;
        int i1 = Math.min(SAMPLES - 1, i + 1);
        double t = s - i;
        for (int j = 0; j < out.length; j++) {
            out[j] = coefficients[i][j] * (1 - t) + coefficients[i1][j] * t;
        }
    }

    /** The factor of transformed sum {@code j} alone at {@code k} 1/Å. */
    double coefficient(int j, double k) {
        double s = Math.min(SAMPLES - 1.0, Math.max(0, k / kMax * (SAMPLES - 1)));
        int i = (int) s;
        int i1 = Math.min(SAMPLES - 1, i + 1);
        double t = s - i;
        return coefficients[i][j] * (1 - t) + coefficients[i1][j] * t;
    }

    /** The factors of transformed sum {@code j} at every sample of k (see {@link #sample}). */
    float[] table(int j) {
        float[] t = new float[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            t[s] = (float) coefficients[s][j];
        }
        return t;
    }

    /** The nearest sample of {@code k} 1/Å in {@link #table}. */
    int sample(double k) {
        return (int) Math.min(SAMPLES - 1, Math.max(0, Math.round(k / kMax * (SAMPLES - 1))));
    }

    /** Factor of transformed sum 0 that gives the plain (unweighted) sum. */
    double plainFactor() {
        return Math.sqrt(basis[0].length);
    }

    private static double error(double[][] w, List<double[]> vectors) {
        double max = 0;
        double[] approx = new double[w[0].length];
        for (double[] col : w) {
            java.util.Arrays.fill(approx, 0);
            for (double[] v : vectors) {
                double d = dot(col, v);
                for (int f = 0; f < approx.length; f++) {
                    approx[f] += d * v[f];
                }
            }
            for (int f = 0; f < approx.length; f++) {
                max = Math.max(max, Math.abs(approx[f] - col[f]));
            }
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
