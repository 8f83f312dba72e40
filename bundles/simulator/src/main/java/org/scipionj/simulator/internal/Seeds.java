package org.scipionj.simulator.internal;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from a dataset seed, so that each movie, frame and image row
 * has its own generator: results do not depend on the number of threads or on the order work is done in.
 * Stateless.
 */
final class Seeds {

    /** Purposes of the streams of one movie (the values are part of the file format's reproducibility). */
    static final long CTF = 1;
    static final long PARTICLES = 2;
    static final long DRIFT = 3;
    static final long LOCAL_MOTION = 4;
    static final long ICE = 5;
    static final long NOISE = 6;
    static final long GAIN = 7;

    private Seeds() {
    }

    /** A 64-bit hash of the values (SplitMix64's finaliser, Steele et al. 2014, chained). */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h = fmix(h ^ fmix(v + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A generator for the stream identified by {@code values}. */
    static SplittableRandom random(long... values) {
        return new SplittableRandom(mix(values));
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal deviate (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
