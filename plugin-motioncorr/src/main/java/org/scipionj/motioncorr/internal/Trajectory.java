package org.scipionj.motioncorr.internal;

import java.util.Arrays;

/**
 * Temporal regularisation of measured per-frame shifts. The specimen's path is taken as a smooth trend plus a random
 * walk ({@code s = u + v}, {@code v} from 0), both measured with an error that is independent from frame to frame:
 * the smoothed path minimises {@code sum w |s - m|^2 + λ2 |D2 u|^2 + λ1 |D1 v|^2} (second and first differences,
 * each axis alike), the posterior mean of that Gaussian model. λ1 and λ2 (noise variance over the walk's step
 * variance, and over the trend's curvature variance) are chosen by restricted maximum likelihood on a grid. A frame
 * far from a firm smoothing of the others (its correlation locked on noise) gets no weight, so that it does not drag
 * its neighbours.
 *
 * <p>Why both terms: at low dose each frame's shift, measured against the noisy sum of the others, carries an error
 * of a tenth of a pixel or more, while beam-induced drift is a fast start that slows down (smooth) plus a jitter
 * that wanders like a random walk. A curvature penalty alone pulls the wandering part towards a smooth curve and a
 * step penalty alone flattens the fast start. REML rather than cross-validation: with a few tens of frames GCV's
 * minimum is shallow and its choice erratic. NB: precise measurements (0.01 px) are not left as they are: the fast
 * start breaks the stationary curvature prior and a few hundredths of a pixel are lost ({@code TrajectoryTest}; the
 * curvature-only smoother before lost more). Stateless.
 */
final class Trajectory {

    private static final double OUTLIER_LAMBDA = 3;
    /** A frame this far (px, and 5 robust sigmas) from a firm smoothing of the others is an outlier. */
    private static final double OUTLIER_PX = 1.0;
    private static final double[] WALK_LAMBDAS = {1e-4, 1e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 100};
    private static final double[] TREND_LAMBDAS = {1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1e4};

    /**
     * The result: smoothed shifts, the λs chosen (trend curvature {@code lambda}, random-walk steps
     * {@code walkLambda}), and the frames given (almost) no weight as outliers.
     */
    record Smoothed(double[][] shifts, double lambda, double walkLambda, int outliers) {
    }

    private Trajectory() {
    }

    /** Smooths {@code m} ({x, y} per frame, in time order); fewer than 5 frames are returned as they are. */
    static Smoothed smooth(double[][] m) {
        int n = m.length;
        if (n < 5) {
            return new Smoothed(copy(m), 0, 0, 0);
        }
        // NB: outliers are found against a firm smoothing (robust, Tukey weights); the λs are then chosen by REML
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
        Smoothed best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double walk : WALK_LAMBDAS) {
            for (double trend : TREND_LAMBDAS) {
                double[] score = new double[1];
                double[][] s = mixed(w, m, walk, trend, score);
                if (score[0] < bestScore) {
                    bestScore = score[0];
                    best = new Smoothed(s, trend, walk, 0);
                }
            }
        }
        int outliers = 0;
        for (double v : w) {
            outliers += v <= 1e-3 ? 1 : 0;
        }
        return new Smoothed(best.shifts(), best.lambda(), best.walkLambda(), outliers);
    }

    /**
     * The smoothed path for given λs, and in {@code score[0]} minus twice the restricted log-likelihood (both axes,
     * a common noise variance profiled out, constants dropped).
     */
    static double[][] mixed(double[] w, double[][] m, double walk, double trend, double[] score) {
        int n = m.length;
        int k = 2 * n - 1; // NB: unknowns u_0..u_{n-1}, then v_1..v_{n-1} (v_0 = 0 keeps u and v apart)
        double[][] a = new double[k][k];
        for (int i = 0; i < n; i++) {
            a[i][i] += w[i];
            if (i > 0) {
                int j = n + i - 1;
                a[j][j] += w[i];
                a[i][j] += w[i];
                a[j][i] += w[i];
            }
        }
        double[] d2 = {1, -2, 1};
        for (int r = 0; r + 2 < n; r++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[r + i][r + j] += trend * d2[i] * d2[j];
                }
            }
        }
        for (int t = n; t < k; t++) {
            a[t][t] += walk;
            if (t > n) {
                a[t - 1][t - 1] += walk;
                a[t][t - 1] -= walk;
                a[t - 1][t] -= walk;
            }
        }
        double[][] l = Cholesky.factor(a, 0, 1e-300);
        double logDet = 0;
        for (int i = 0; i < k; i++) {
            logDet += 2 * Math.log(l[i][i]);
        }
        double[][] s = new double[n][2];
        double sum = 0; // NB: weighted residuals plus penalties, both axes
        for (int axis = 0; axis < 2; axis++) {
            double[] b = new double[k];
            for (int i = 0; i < n; i++) {
                b[i] = w[i] * m[i][axis];
                if (i > 0) {
                    b[n + i - 1] = w[i] * m[i][axis];
                }
            }
            double[] z = Cholesky.solve(l, b);
            for (int i = 0; i < n; i++) {
                s[i][axis] = z[i] + (i > 0 ? z[n + i - 1] : 0);
                sum += w[i] * sq(s[i][axis] - m[i][axis]);
            }
            for (int r = 0; r + 2 < n; r++) {
                sum += trend * sq(z[r] - 2 * z[r + 1] + z[r + 2]);
            }
            for (int t = n; t < k; t++) {
                sum += walk * sq(z[t] - (t > n ? z[t - 1] : 0));
            }
        }
        // NB: the trend's straight lines are not penalised: 2 of the n values per axis go to them
        double dof = 2.0 * (n - 2);
        score[0] = dof * Math.log(sum / dof) + 2 * logDet - 2 * ((n - 2) * Math.log(trend) + (n - 1) * Math.log(walk));
        return s;
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
