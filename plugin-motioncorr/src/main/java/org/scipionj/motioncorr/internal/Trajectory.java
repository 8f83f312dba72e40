package org.scipionj.motioncorr.internal;

import java.util.Arrays;

/**
 * Temporal regularisation of measured per-frame shifts: a Whittaker smoother (penalised least squares on second
 * differences, {@code min sum w |s - m|^2 + λ |D2 s|^2}), with λ chosen by generalised cross-validation; a frame
 * far from a firm smoothing of the others (its correlation locked on noise) gets no weight, so that it does not drag
 * its neighbours. At low dose each
 * frame's shift is measured against the noisy sum of the other frames and carries an error of a few tenths of a pixel
 * that is independent from frame to frame, while the specimen moves smoothly; GCV picks how much to smooth from the
 * data themselves, so that precise measurements (high dose, large frames) are left untouched. Stateless.
 */
final class Trajectory {

    private static final double[] LAMBDAS = {1e-4, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30};
    private static final double OUTLIER_LAMBDA = 3;
    /** A frame this far (px, and 5 robust sigmas) from a firm smoothing of the others is an outlier. */
    private static final double OUTLIER_PX = 1.0;

    /** The result: smoothed shifts, the λ chosen, and the frames given (almost) no weight as outliers. */
    record Smoothed(double[][] shifts, double lambda, int outliers) {
    }

    private Trajectory() {
    }

    /** Smooths {@code m} ({x, y} per frame, in time order); fewer than 5 frames are returned as they are. */
    static Smoothed smooth(double[][] m) {
        int n = m.length;
        if (n < 5) {
            return new Smoothed(copy(m), 0, 0);
        }
        // NB: outliers are found against a firm smoothing (robust, Tukey weights); λ is then chosen by GCV
        double[] w = new double[n];
        Arrays.fill(w, 1);
        for (int round = 0; round < 4; round++) {
            double[][] s = apply(hat(w, OUTLIER_LAMBDA), w, m);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Math.hypot(s[i][0] - m[i][0], s[i][1] - m[i][1]);
            }
            double sigma = Math.max(0.05, 1.4826 * median(r));
            for (int i = 0; i < n; i++) {
                w[i] = r[i] > Math.max(OUTLIER_PX, 5 * sigma) ? 1e-3 : 1; // NB: only gross outliers
            }
        }
        double[][] best = copy(m);
        double bestLambda = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double lambda : LAMBDAS) {
            double[][] h = hat(w, lambda);
            double trace = 0;
            for (int i = 0; i < n; i++) {
                trace += h[i][i];
            }
            double[][] s = apply(h, w, m);
            double rss = 0;
            double wsum = 0;
            for (int i = 0; i < n; i++) {
                rss += w[i] * (sq(s[i][0] - m[i][0]) + sq(s[i][1] - m[i][1]));
                wsum += w[i];
            }
            double denominator = wsum - trace;
            double gcv = denominator <= 1e-9 ? Double.POSITIVE_INFINITY : wsum * rss / (denominator * denominator);
            if (gcv < bestScore) {
                bestScore = gcv;
                bestLambda = lambda;
                best = s;
            }
        }
        int outliers = 0;
        for (double v : w) {
            outliers += v <= 1e-3 ? 1 : 0;
        }
        // NB: the smallest λ stands for no smoothing at all (precise measurements)
        return bestLambda <= LAMBDAS[0] && outliers == 0 ? new Smoothed(copy(m), 0, 0)
                : new Smoothed(best, bestLambda, outliers);
    }

    /** The smoother matrix {@code (W + λ D2ᵀ D2)^-1} (apply it to {@code W m}). */
    static double[][] hat(double[] w, double lambda) {
        int n = w.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = w[i];
        }
        for (int r = 0; r + 2 < n; r++) {
            int[] idx = {r, r + 1, r + 2};
            double[] d = {1, -2, 1};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[idx[i]][idx[j]] += lambda * d[i] * d[j];
                }
            }
        }
        double[][] inv = new double[n][];
        for (int col = 0; col < n; col++) {
            double[] e = new double[n];
            e[col] = 1;
            inv[col] = SymmetricEigen.solve(a, e, 0);
        }
        // NB: inv is symmetric; the hat matrix proper is inv W, whose diagonal is inv[i][i] w[i]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i][j] *= w[j];
            }
        }
        return inv;
    }

    /** Unweighted smoother matrix, for tests and tools. */
    static double[][] hat(int n, double lambda) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return hat(w, lambda);
    }

    private static double[][] apply(double[][] h, double[] w, double[][] m) {
        int n = m.length;
        double[][] s = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][0] += h[i][j] * m[j][0];
                s[i][1] += h[i][j] * m[j][1];
            }
        }
        return s;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static double sq(double v) {
        return v * v;
    }
}
