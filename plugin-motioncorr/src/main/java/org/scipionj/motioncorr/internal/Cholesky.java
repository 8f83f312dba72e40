package org.scipionj.motioncorr.internal;

/** Cholesky factorisation and solves for the small symmetric systems of the motion models. Stateless. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The lower factor {@code L} of {@code a + shift I} ({@code a} symmetric positive semi-definite; only its lower
     * triangle is read); pivots below {@code floor} are raised to it, so a singular direction gives a large but
     * finite solution instead of NaN.
     */
    static double[][] factor(double[][] a, double shift, double floor) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] + (i == j ? shift : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, floor)) : s / l[j][j];
            }
        }
        return l;
    }

    /** Solves {@code L Lᵀ x = b} with {@code L} from {@link #factor}. */
    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
