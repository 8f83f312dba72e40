package org.scipionj.simulator.internal;

import java.util.SplittableRandom;

/**
 * Poisson random numbers, exact for every mean: inversion by sequential search for means below 10 and Hörmann's
 * transformed rejection with squeeze (PTRS) above. Sources: Devroye, <i>Non-Uniform Random Variate Generation</i>
 * (1986), ch. X.3 (inversion); W. Hörmann, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12 (1993) 39-45 (PTRS; the same algorithm as numpy's
 * {@code random_poisson_ptrs}). Stateless; the generator passed in carries the state.
 */
final class Poisson {

    private static final double PTRS_MIN_MEAN = 10;
    /** exp(-m) for m = i / 1024, i = 0 .. 10 * 1024 + 1: linear interpolation is exact to 1.2e-7 (relative). */
    private static final int STEPS = 1024;
    private static final double[] EXP_NEG = new double[(int) PTRS_MIN_MEAN * STEPS + 2];

    /** 1 / k for the inversion's recurrence (a multiplication is cheaper than a division). */
    private static final double[] INVERSE = new double[64];

    static {
        for (int i = 0; i < EXP_NEG.length; i++) {
            EXP_NEG[i] = Math.exp(-(double) i / STEPS);
        }
        for (int k = 1; k < INVERSE.length; k++) {
            INVERSE[k] = 1.0 / k;
        }
    }

    private Poisson() {
    }

    /** A Poisson deviate of mean {@code mean} (>= 0). */
    static int sample(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        return mean < PTRS_MIN_MEAN ? inversion(r, mean) : ptrs(r, mean);
    }

    private static int inversion(SplittableRandom r, double mean) {
        double u = r.nextDouble();
        double m = mean * STEPS;
        int i = (int) m;
        double p = EXP_NEG[i] + (m - i) * (EXP_NEG[i + 1] - EXP_NEG[i]);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= k < INVERSE.length ? mean * INVERSE[k] : mean / k;
            cdf += p;
        }
        return k;
    }

    private static int ptrs(SplittableRandom r, double mean) {
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5;
            double v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /** log(k!), exact from a table below 10, Stirling's series above (error below 1e-10). */
    static double logFactorial(long k) {
        if (k < 10) {
            double f = 1;
            for (int i = 2; i <= k; i++) {
                f *= i;
            }
            return Math.log(f);
        }
        double x = k + 1.0;
        double x2 = 1 / (x * x);
        double series = (((-1.0 / 1680 * x2 + 1.0 / 1260) * x2 - 1.0 / 360) * x2 + 1.0 / 12) / x;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
    }
}
