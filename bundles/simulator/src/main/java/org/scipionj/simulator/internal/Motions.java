package org.scipionj.simulator.internal;

import java.util.SplittableRandom;

import org.scipionj.simulator.LocalMotion;

/**
 * Draws the motion of one movie: global drift and local deformation (conventions in
 * {@link org.scipionj.simulator.MotionTruth} and {@link LocalMotion}). Stateless.
 *
 * <p>Global drift, the usual beam-induced pattern of a fast start that slows down (Brilot et al. 2012, J. Struct.
 * Biol. 177, 630-637; Li et al. 2013, Nat. Methods 10, 584-590), plus a small random walk:
 * {@code g(t) = A u (1 - exp(-t/τ)) / (1 - exp(-(n-1)/τ)) + w(t)}, with A drawn in [0.75, 1.25] x the requested
 * drift, u a random unit vector, τ = (n-1)/5 frames, and w a random walk from 0 whose steps have a standard
 * deviation of 0.1 A / sqrt(n-1) per axis.
 */
final class Motions {

    private Motions() {
    }

    /** {@code {x[], y[]}} global displacements per frame, frame 0 at (0, 0). */
    static double[][] globalDrift(int frames, double drift_px, SplittableRandom r) {
        double[] x = new double[frames];
        double[] y = new double[frames];
        if (drift_px <= 0 || frames < 2) {
            return new double[][] {x, y};
        }
        double amplitude = drift_px * (0.75 + 0.5 * r.nextDouble());
        double angle = 2 * Math.PI * r.nextDouble();
        double tau = Math.max(1, (frames - 1) / 5.0);
        double full = 1 - Math.exp(-(frames - 1) / tau);
        double step = 0.1 * amplitude / Math.sqrt(frames - 1);
        double wx = 0;
        double wy = 0;
        for (int t = 1; t < frames; t++) {
            wx += step * Seeds.gaussian(r);
            wy += step * Seeds.gaussian(r);
            double d = amplitude * (1 - Math.exp(-t / tau)) / full;
            x[t] = d * Math.cos(angle) + wx;
            y[t] = d * Math.sin(angle) + wy;
        }
        return new double[][] {x, y};
    }

    /**
     * A local deformation with random coefficients, scaled so that the largest displacement at the last frame, over
     * a 9 x 9 grid spanning the frame, is {@code largest_px}.
     */
    static LocalMotion localMotion(int width, int height, int frames, double largest_px, SplittableRandom r) {
        if (largest_px <= 0 || frames < 2) {
            return LocalMotion.none(width, height, frames);
        }
        double[][] cx = new double[LocalMotion.TIME_TERMS][LocalMotion.SPACE_TERMS];
        double[][] cy = new double[LocalMotion.TIME_TERMS][LocalMotion.SPACE_TERMS];
        for (int i = 0; i < LocalMotion.TIME_TERMS; i++) {
            for (int j = 0; j < LocalMotion.SPACE_TERMS; j++) {
                cx[i][j] = Seeds.gaussian(r);
                cy[i][j] = Seeds.gaussian(r);
            }
        }
        LocalMotion unit = new LocalMotion(width, height, frames, cx, cy);
        double max = 0;
        for (int j = 0; j <= 8; j++) {
            for (int i = 0; i <= 8; i++) {
                double[] d = unit.displacement(width * i / 8.0, height * j / 8.0, frames - 1);
                max = Math.max(max, Math.hypot(d[0], d[1]));
            }
        }
        double scale = max > 0 ? largest_px / max : 0;
        for (int i = 0; i < LocalMotion.TIME_TERMS; i++) {
            for (int j = 0; j < LocalMotion.SPACE_TERMS; j++) {
                cx[i][j] *= scale;
                cy[i][j] *= scale;
            }
        }
        return new LocalMotion(width, height, frames, cx, cy);
    }
}
