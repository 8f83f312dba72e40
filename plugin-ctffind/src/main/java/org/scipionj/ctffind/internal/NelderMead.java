package org.scipionj.ctffind.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead downhill simplex minimisation (standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½). Derivative-free, which suits the CTF score: cheap to evaluate, noisy at fine scales. Stateless.
 */
final class NelderMead {

    /** A minimum found: the point and the function's value there, and the number of evaluations spent. */
    record Result(double[] point, double value, int evaluations) {
    }

    private NelderMead() {
    }

    /**
     * Minimises {@code f} from {@code start}, with initial simplex steps {@code steps} along each axis, until the
     * simplex spans less than {@code tolerance[i]} on every axis or {@code maxEvaluations} are spent.
     */
    static Result minimize(ToDoubleFunction<double[]> f, double[] start, double[] steps, double[] tolerance,
                           int maxEvaluations) {
        int n = start.length;
        double[][] x = new double[n + 1][];
        double[] fx = new double[n + 1];
        x[0] = start.clone();
        fx[0] = f.applyAsDouble(x[0]);
        for (int i = 0; i < n; i++) {
            x[i + 1] = start.clone();
            x[i + 1][i] += steps[i];
            fx[i + 1] = f.applyAsDouble(x[i + 1]);
        }
        int evaluations = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
            int best = order[0];
            int worst = order[n];
            int second = order[n - 1];
            if (converged(x, tolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i <= n; i++) {
                if (i != worst) {
                    for (int j = 0; j < n; j++) {
                        centroid[j] += x[i][j] / n;
                    }
                }
            }
            double[] reflected = along(centroid, x[worst], -1);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < fx[best]) {
                double[] expanded = along(centroid, x[worst], -2);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    x[worst] = expanded;
                    fx[worst] = fe;
                } else {
                    x[worst] = reflected;
                    fx[worst] = fr;
                }
            } else if (fr < fx[second]) {
                x[worst] = reflected;
                fx[worst] = fr;
            } else {
                boolean outside = fr < fx[worst];
                double[] contracted = along(centroid, outside ? reflected : x[worst], 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < Math.min(fr, fx[worst])) {
                    x[worst] = contracted;
                    fx[worst] = fc;
                } else {
                    for (int i = 0; i <= n; i++) {
                        if (i != best) {
                            x[i] = along(x[best], x[i], 0.5);
                            fx[i] = f.applyAsDouble(x[i]);
                            evaluations++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (fx[i] < fx[best]) {
                best = i;
            }
        }
        return new Result(x[best], fx[best], evaluations);
    }

    /** {@code from + t (to - from)}. */
    private static double[] along(double[] from, double[] to, double t) {
        double[] p = new double[from.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = from[j] + t * (to[j] - from[j]);
        }
        return p;
    }

    private static boolean converged(double[][] x, double[] tolerance) {
        for (int j = 0; j < tolerance.length; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] p : x) {
                lo = Math.min(lo, p[j]);
                hi = Math.max(hi, p[j]);
            }
            if (hi - lo > tolerance[j]) {
                return false;
            }
        }
        return true;
    }
}
