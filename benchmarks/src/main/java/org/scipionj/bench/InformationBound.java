package org.scipionj.bench;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;

/**
 * A lower bound on the RMS error of global per-frame shifts (offset removed) that any estimator can reach on a
 * simulated movie, from its noise-free frame 0 and its true trajectory (a Bayesian Cramér–Rao, or van Trees, bound).
 *
 * <p><b>Frames.</b> The specimen is unknown, so it is taken as random: each Fourier coefficient of frame t is
 * {@code y_t(k) = exp(-2πi k·s_t) S(k) + n_t(k)} with {@code S(k)} complex Gaussian of variance {@code |T(k)|²}
 * ({@code T}: spectrum of the mean-removed noise-free frame) and white counting noise of variance
 * {@code Npix λ̄}. With {@code ρ = |T|² / (Npix λ̄)} and {@code N} frames, each independent coefficient gives the
 * shifts (one axis) the Fisher information {@code c (N I - 1 1ᵀ)}, {@code c = 2 (2π k)² ρ² / (1 + N ρ)}: only
 * differences of shifts are seen, and a frame's own noise is counted in the reference.
 *
 * <p><b>Motion.</b> The simulator's drift (see {@code Motions.globalDrift}) is {@code a e(t) + w(t)} per axis, with
 * {@code e(t) = (1 - exp(-t/τ)) / (1 - exp(-(N-1)/τ))}, {@code τ = (N-1)/5}, an unknown amplitude {@code a} (flat
 * prior here) and a random walk {@code w} from 0 whose steps have the standard deviation {@code 0.1 A / √(N-1)}
 * ({@code A}: the drift amplitude, fitted from the truth). The bound is the posterior covariance of the whole
 * trajectory in that Gaussian model, {@code (J + prior precision)⁻¹}, with the end effects, and the expected RMS
 * after removing the mean over frames. Stateless.
 */
final class InformationBound {

    /**
     * @param frameX_px per-frame bound on one axis without the motion prior: {@code 1/√(Fisher information)}
     * @param frameY_px the same along y
     * @param step_px the random walk's step per axis
     * @param rms_px the bound on the 2D RMS error after removing a constant offset
     */
    record Result(double frameX_px, double frameY_px, double step_px, double rms_px) {
    }

    private InformationBound() {
    }

    static Result of(Frame ideal, double[] shiftX, double[] shiftY) {
        int n = shiftX.length;
        double[] info = frameInformation(ideal, n);
        double step = randomWalkStep(shiftX, shiftY);
        double mse = offsetFreeMse(info[0], step, n) + offsetFreeMse(info[1], step, n);
        return new Result(1 / Math.sqrt(info[0]), 1 / Math.sqrt(info[1]), step, Math.sqrt(mse));
    }

    /** Per-frame Fisher information {x, y} ({@code px⁻²}) of {@code frames} frames like {@code ideal}. */
    static double[] frameInformation(Frame ideal, int frames) {
        float[] v = ideal.data();
        double mean = 0;
        for (float f : v) {
            mean += f;
        }
        mean /= v.length;
        Frame centred = new Frame(ideal.width(), ideal.height());
        for (int i = 0; i < v.length; i++) {
            centred.data()[i] = (float) (v[i] - mean);
        }
        ComplexFrame t = Fft.forward(centred);
        double noise = v.length * mean; // NB: Poisson counts: white, variance Σλ per coefficient
        double ix = 0;
        double iy = 0;
        float[] d = t.data();
        for (int r = 0; r < t.height(); r++) {
            for (int c = 0; c < t.columns(); c++) {
                int i = t.index(c, r);
                double rho = (d[i] * (double) d[i] + d[i + 1] * (double) d[i + 1]) / noise;
                // NB: the half spectrum holds each conjugate pair once (columns 0 and w/2 hold both halves)
                double pairs = c == 0 || 2 * c == t.width() ? 0.5 : 1;
                double w = pairs * 2 * rho * rho * (frames - 1) / (1 + frames * rho) * 4 * Math.PI * Math.PI;
                ix += w * t.kx(c) * t.kx(c);
                iy += w * t.ky(r) * t.ky(r);
            }
        }
        return new double[] {ix, iy};
    }

    /** The simulator's random-walk step (per axis) for this truth: {@code 0.1 A / √(N-1)}, A fitted. */
    static double randomWalkStep(double[] x, double[] y) {
        int n = x.length;
        double[] e = exponential(n);
        // NB: the increments of a random walk are white, so least squares on increments is the best fit of A
        double ee = 0;
        double ex = 0;
        double ey = 0;
        for (int t = 1; t < n; t++) {
            double de = e[t] - e[t - 1];
            ee += de * de;
            ex += de * (x[t] - x[t - 1]);
            ey += de * (y[t] - y[t - 1]);
        }
        return 0.1 * Math.hypot(ex / ee, ey / ee) / Math.sqrt(n - 1);
    }

    /** The simulator's drift shape {@code e(t)}, 0 to 1. */
    static double[] exponential(int n) {
        double tau = Math.max(1, (n - 1) / 5.0);
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            e[t] = (1 - Math.exp(-t / tau)) / (1 - Math.exp(-(n - 1) / tau));
        }
        return e;
    }

    /**
     * Expected mean square error over frames (one axis, offset removed) of the posterior mean, for per-frame
     * information {@code info} and random-walk step {@code step}.
     */
    static double offsetFreeMse(double info, double step, int n) {
        // NB: unknowns z = (w_1..w_{n-1}, a); x_0 = 0 and x_t = a e_t + w_t, so x = B z
        double[] e = exponential(n);
        double[][] b = new double[n][n];
        for (int t = 1; t < n; t++) {
            b[t][t - 1] = 1;
            b[t][n - 1] = e[t];
        }
        // NB: J = c (N I - 1 1ᵀ), with N c - c = info on the diagonal
        double c = info / (n - 1);
        double[][] j = new double[n][n];
        for (int t = 0; t < n; t++) {
            for (int u = 0; u < n; u++) {
                j[t][u] = c * ((t == u ? n : 0) - 1);
            }
        }
        double[][] precision = multiply(transpose(b), multiply(j, b));
        double q = 1 / (step * step);
        for (int i = 0; i < n - 1; i++) { // NB: random walk prior: Σ (w_t - w_{t-1})² / step², w_0 = 0
            precision[i][i] += 2 * q;
            if (i + 1 < n - 1) {
                precision[i][i + 1] -= q;
                precision[i + 1][i] -= q;
            }
        }
        precision[n - 2][n - 2] -= q;
        double[][] cz = inverse(precision);
        // NB: error covariance of x = B Cz Bᵀ; removing the mean over frames is the projection M = I - 1 1ᵀ / n
        double[][] cx = multiply(b, multiply(cz, transpose(b)));
        double trace = 0;
        double total = 0;
        for (int t = 0; t < n; t++) {
            trace += cx[t][t];
            for (int u = 0; u < n; u++) {
                total += cx[t][u];
            }
        }
        return (trace - total / n) / n;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                for (int j = 0; j < b[0].length; j++) {
                    out[i][j] += v * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** Inverse of a symmetric positive definite matrix (Gauss–Jordan; small sizes). */
    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double p = a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
