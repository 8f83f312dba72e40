package org.scipionj.motioncorr.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Small dense linear algebra for the motion model: eigen-decomposition of a symmetric matrix (cyclic Jacobi
 * rotations, accurate for the tens of rows used here) and the solution of a symmetric positive (semi-)definite
 * system with a tiny ridge. Stateless.
 *
 * @param values eigenvalues, largest first
 * @param vectors the matching unit eigenvectors, {@code vectors[i]} for {@code values[i]}
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    /** Eigenvalues and eigenvectors of the symmetric matrix {@code m} (not changed). */
    static SymmetricEigen decompose(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] aa = a;
        Arrays.sort(order, Comparator.comparingDouble(i -> -aa[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            values[r] = a[i][i];
            for (int k = 0; k < n; k++) {
                vectors[r][k] = v[k][i];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Solves {@code m x = b} for a symmetric positive semi-definite {@code m} by Cholesky factorisation, after adding
     * {@code ridge} times the largest diagonal value to the diagonal (which keeps directions the data do not
     * determine at zero instead of letting them explode).
     */
    static double[] solve(double[][] m, double[] b, double ridge) {
        int n = b.length;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, m[i][i]);
        }
        double eps = Math.max(ridge * maxDiag, 1e-300);
        return Cholesky.solve(Cholesky.factor(m, eps, eps), b);
    }
}
