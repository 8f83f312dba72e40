package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smooth local deformation left after the global shifts, MotionCor2's model (Zheng et al. 2017): a polynomial in
 * time and position,
 *
 * <pre>
 * Lx(x, y, t) = sum_{i=1..3} sum_{j} cx[i-1][j] * τ^i * b_j(u, v)       (Ly likewise with cy)
 * τ = t / (N - 1)      t: frame index within the aligned range, N aligned frames
 * u = x / width - 0.5,  v = y / height - 0.5     (x, y: movie pixels, in the cropped frame)
 * b = (1, u, v, u² - 1/12, v² - 1/12, u·v)
 * </pre>
 *
 * The displacement of the specimen point at {@code (x, y)} in the first aligned frame is, in frame {@code t},
 * {@code global[t] + L(x, y, t)} (the simulator's and MotionCor2's sign). Every term is zero at {@code t = 0}. The
 * fit ({@link #fit}) is robust: Tukey-weighted least squares, and patches whose residuals stand out are left out
 * as bad (empty ice, carbon edges); the terms are regularised by a ridge that expects each to displace the
 * specimen by about {@value #PRIOR_PX} px at most, weighed against the noise of the patch measurements, so that
 * noisy patches give a flat model rather than a wild one. Immutable.
 *
 * @param width frame width, movie pixels
 * @param height frame height
 * @param frames aligned frames N
 * @param cx coefficients of Lx, [3 time powers][6 spatial terms]
 * @param cy coefficients of Ly
 * @param patchesUsed patches kept by the robust fit
 * @param patches patches measured
 * @param rmsResidual RMS of the patch measurements around the model (movie px), over the patches kept
 * @param prior the displacement scale per term chosen by cross-validation (px); 0: the measurements support no
 *        local model, and it is zero
 */
record LocalModel(int width, int height, int frames, double[][] cx, double[][] cy, int patchesUsed, int patches,
                  double rmsResidual, double prior) {

    static final int TIME = 3;
    static final int SPACE = 6;
    static final List<String> TERMS = List.of("1", "u", "v", "u^2-1/12", "v^2-1/12", "u*v");

    /** Prior scale of the displacement each term makes (RMS over the patches, px): a ridge against noise. */
    static final double PRIOR_PX = 2.0;
    /** Noise assumed per patch measurement before it is estimated from the residuals (px). */
    static final double PRIOR_NOISE = 0.5;

    /** The residual displacement {x, y} at {@code (x, y)} in aligned frame {@code t} (may be fractional). */
    double[] displacement(double x, double y, double t) {
        double[][] w = timeWeights(t);
        double[] b = space(x / width - 0.5, y / height - 0.5);
        double dx = 0;
        double dy = 0;
        for (int j = 0; j < SPACE; j++) {
            dx += w[0][j] * b[j];
            dy += w[1][j] * b[j];
        }
        return new double[] {dx, dy};
    }

    /** The time polynomial of each spatial term at frame {@code t}: {@code [axis][term]}. */
    double[][] timeWeights(double t) {
        double tau = frames > 1 ? t / (frames - 1) : 0;
        double[][] out = new double[2][SPACE];
        double p = 1;
        for (int i = 0; i < TIME; i++) {
            p *= tau;
            for (int j = 0; j < SPACE; j++) {
                out[0][j] += cx[i][j] * p;
                out[1][j] += cy[i][j] * p;
            }
        }
        return out;
    }

    static double[] space(double u, double v) {
        return new double[] {1, u, v, u * u - 1.0 / 12, v * v - 1.0 / 12, u * v};
    }

    /**
     * Fits the model to patch residuals. First a robust fit (Tukey weights, bad patches left out) with the default
     * ridge; then the ridge strength is chosen by leave-one-group-out cross-validation among priors from
     * {@code 8 px} down to 0 (no local model at all), so that a model is kept only as far as it predicts measurements
     * it was not fitted to: where the patches are too noisy for the local motion, the result is the global motion
     * alone.
     *
     * @param width frame width, movie pixels
     * @param height frame height
     * @param frames aligned frames
     * @param patchX patches across (which spatial terms the grid can support)
     * @param patchY patches down
     */
    static LocalModel fit(PatchAlignment.Result m, int width, int height, int frames, int patchX, int patchY) {
        Design d = new Design(m, width, height, frames, patchX, patchY);
        int patches = d.patches;
        int groups = d.groups;
        double[][] weights = new double[patches][groups];
        for (double[] w : weights) {
            Arrays.fill(w, 1);
        }
        boolean[] patchOn = new boolean[patches];
        Arrays.fill(patchOn, true);
        double sigma2 = PRIOR_NOISE * PRIOR_NOISE;
        double[][] sol = null;
        double rms = 0;
        for (int round = 0; round < 8; round++) {
            sol = d.solve(weights, patchOn, -1, sigma2 / (PRIOR_PX * PRIOR_PX));
            double[][] res = d.residuals(sol);
            List<Double> all = new ArrayList<>();
            double[] patchRms = new double[patches];
            for (int p = 0; p < patches; p++) {
                double sq = 0;
                for (int g = 0; g < groups; g++) {
                    sq += res[p][g] * res[p][g];
                    if (patchOn[p]) {
                        all.add(res[p][g]);
                    }
                }
                patchRms[p] = Math.sqrt(sq / groups);
            }
            double sigma = Math.max(0.05, 1.4826 * median(all));
            sigma2 = sigma * sigma / 2; // NB: per axis
            double c = 4.685 * sigma;
            for (int p = 0; p < patches; p++) {
                for (int g = 0; g < groups; g++) {
                    double r = res[p][g] / c;
                    weights[p][g] = r < 1 ? (1 - r * r) * (1 - r * r) : 0;
                }
            }
            List<Double> onRms = new ArrayList<>();
            for (int p = 0; p < patches; p++) {
                if (patchOn[p]) {
                    onRms.add(patchRms[p]);
                }
            }
            double medRms = median(onRms);
            int kept = 0;
            for (int p = 0; p < patches; p++) {
                patchOn[p] = patchRms[p] <= Math.max(3 * medRms, 3 * sigma);
                kept += patchOn[p] ? 1 : 0;
            }
            if (kept < Math.max(3, d.terms.size() / 2 + 1)) {
                Arrays.fill(patchOn, true); // NB: too few left to trust any rejection
            }
        }
        // cross-validated prior: how large a local motion the measurements support
        double bestError = Double.POSITIVE_INFINITY;
        double bestPrior = 0;
        for (double prior : PRIORS) {
            double error = 0;
            for (int out = 0; out < groups; out++) {
                double[][] s = d.solve(weights, patchOn, out, prior == 0 ? -1 : sigma2 / (prior * prior));
                error += d.heldOutError(s, weights, patchOn, out);
            }
            if (error < bestError * (1 - 1e-9)) {
                bestError = error;
                bestPrior = prior;
            }
        }
        sol = d.solve(weights, patchOn, -1, bestPrior == 0 ? -1 : sigma2 / (bestPrior * bestPrior));
        double[][] res = d.residuals(sol);
        double sq = 0;
        int count = 0;
        for (int p = 0; p < patches; p++) {
            if (patchOn[p]) {
                for (int g = 0; g < groups; g++) {
                    sq += res[p][g] * res[p][g];
                    count++;
                }
            }
        }
        rms = count == 0 ? 0 : Math.sqrt(sq / count);
        double[][] cx = new double[TIME][SPACE];
        double[][] cy = new double[TIME][SPACE];
        if (bestPrior > 0) {
            for (int k = 0; k < d.terms.size(); k++) {
                int[] t = d.terms.get(k);
                cx[t[0]][t[1]] = sol[0][k];
                cy[t[0]][t[1]] = sol[1][k];
            }
        }
        int used = 0;
        for (boolean on : patchOn) {
            used += on ? 1 : 0;
        }
        return new LocalModel(width, height, frames, cx, cy, used, patches, rms, bestPrior);
    }

    /** Priors tried by cross-validation: RMS displacement per term, px; 0 means no local model. */
    static final double[] PRIORS = {8, 4, 2, 1, 0.5, 0.25, 0};

    /** The least-squares problem: design matrix of the model terms plus one constant per patch. */
    private static final class Design {
        final PatchAlignment.Result m;
        final int patches;
        final int groups;
        final List<int[]> terms = new ArrayList<>(); // {time power index, space index}
        final double[][][] rows;
        final double[] scale;

        Design(PatchAlignment.Result m, int width, int height, int frames, int patchX, int patchY) {
            this.m = m;
            this.patches = m.centres().length;
            this.groups = m.times().length;
            // NB: a term is fitted only when the grid and the groups can support it
            boolean[] spaceOn = {true, patchX >= 2, patchY >= 2, patchX >= 4, patchY >= 4, patchX >= 3 && patchY >= 3};
            int timeTerms = Math.min(TIME, Math.max(1, (groups - 1) / 2));
            for (int i = 0; i < timeTerms; i++) {
                for (int j = 0; j < SPACE; j++) {
                    if (spaceOn[j]) {
                        terms.add(new int[] {i, j});
                    }
                }
            }
            int nm = terms.size();
            rows = new double[patches][groups][nm];
            for (int p = 0; p < patches; p++) {
                double[] b = space(m.centres()[p][0] / width - 0.5, m.centres()[p][1] / height - 0.5);
                for (int g = 0; g < groups; g++) {
                    double tau = frames > 1 ? m.times()[g] / (frames - 1) : 0;
                    for (int k = 0; k < nm; k++) {
                        rows[p][g][k] = Math.pow(tau, terms.get(k)[0] + 1) * b[terms.get(k)[1]];
                    }
                }
            }
            scale = new double[nm]; // NB: RMS of each term over the measurements: the ridge acts on displacements
            for (int k = 0; k < nm; k++) {
                double sq = 0;
                for (int p = 0; p < patches; p++) {
                    for (int g = 0; g < groups; g++) {
                        sq += rows[p][g][k] * rows[p][g][k];
                    }
                }
                scale[k] = Math.sqrt(sq / (patches * groups));
            }
        }

        /**
         * Weighted least squares without group {@code leaveOut} (-1: none); {@code ridge} per term in displacement
         * units, -1 for no model at all (patch constants only). Returns {@code [axis][unknown]}.
         */
        double[][] solve(double[][] weights, boolean[] patchOn, int leaveOut, double ridge) {
            int nm = ridge < 0 ? 0 : terms.size();
            int unknowns = nm + patches;
            double[][] out = new double[2][];
            for (int axis = 0; axis < 2; axis++) {
                double[][] a = new double[unknowns][unknowns];
                double[] rhs = new double[unknowns];
                for (int p = 0; p < patches; p++) {
                    if (!patchOn[p]) {
                        continue;
                    }
                    for (int g = 0; g < groups; g++) {
                        double w = weights[p][g];
                        if (w == 0 || g == leaveOut) {
                            continue;
                        }
                        double[] row = rows[p][g];
                        double e = m.residuals()[p][g][axis];
                        for (int i = 0; i < nm; i++) {
                            for (int j = 0; j <= i; j++) {
                                a[i][j] += w * row[i] * row[j];
                            }
                            a[nm + p][i] += w * row[i];
                            rhs[i] += w * row[i] * e;
                        }
                        a[nm + p][nm + p] += w;
                        rhs[nm + p] += w * e;
                    }
                }
                for (int i = 0; i < unknowns; i++) {
                    for (int j = i + 1; j < unknowns; j++) {
                        a[i][j] = a[j][i];
                    }
                }
                for (int k = 0; k < nm; k++) {
                    a[k][k] += ridge * scale[k] * scale[k];
                }
                double[] x = SymmetricEigen.solve(a, rhs, 1e-12);
                double[] full = new double[terms.size() + patches];
                System.arraycopy(x, 0, full, 0, nm);
                System.arraycopy(x, nm, full, terms.size(), patches);
                out[axis] = full;
            }
            return out;
        }

        /** |measurement - fit| per patch and group. */
        double[][] residuals(double[][] sol) {
            double[][] res = new double[patches][groups];
            for (int p = 0; p < patches; p++) {
                for (int g = 0; g < groups; g++) {
                    res[p][g] = Math.hypot(error(sol, p, g, 0), error(sol, p, g, 1));
                }
            }
            return res;
        }

        double error(double[][] sol, int p, int g, int axis) {
            int nm = terms.size();
            double e = m.residuals()[p][g][axis] - sol[axis][nm + p];
            for (int k = 0; k < nm; k++) {
                e -= rows[p][g][k] * sol[axis][k];
            }
            return e;
        }

        /** Weighted squared error on group {@code g}, which the fit did not see. */
        double heldOutError(double[][] sol, double[][] weights, boolean[] patchOn, int g) {
            double sum = 0;
            for (int p = 0; p < patches; p++) {
                if (patchOn[p]) {
                    double ex = error(sol, p, g, 0);
                    double ey = error(sol, p, g, 1);
                    sum += weights[p][g] * (ex * ex + ey * ey);
                }
            }
            return sum;
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    /** JSON-friendly form for item attributes. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", "MotionCor2 polynomial: L(x,y,t) = sum_i sum_j c[i][j] tau^(i+1) b_j(u,v),"
                + " tau = t/(N-1), u = x/width - 0.5, v = y/height - 0.5");
        out.put("terms", TERMS);
        out.put("width", width);
        out.put("height", height);
        out.put("frames", frames);
        out.put("coefficientsX_px", rows(cx));
        out.put("coefficientsY_px", rows(cy));
        out.put("patchesUsed", patchesUsed);
        out.put("patches", patches);
        out.put("rmsResidual_px", Math.round(rmsResidual * 1e4) / 1e4);
        out.put("prior_px", prior);
        return out;
    }

    private static List<List<Double>> rows(double[][] c) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] row : c) {
            List<Double> r = new ArrayList<>();
            for (double v : row) {
                r.add(Math.round(v * 1e5) / 1e5);
            }
            out.add(r);
        }
        return out;
    }
}
