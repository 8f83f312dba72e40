package org.scipionj.ctffind.internal;

/** sin² without {@link Math#sin}'s cost, for the inner loops of the fit (absolute error below 1e-7). Stateless. */
final class FastTrig {

    private static final double INV_PI = 1 / Math.PI;

    private FastTrig() {
    }

    /** sin²(x): x is reduced to [−π/2, π/2] (sin² has period π), then an odd polynomial of degree 11. */
    static double sin2(double x) {
        double y = x - Math.PI * Math.rint(x * INV_PI);
        double y2 = y * y;
        double s = y * (1 + y2 * (-1.0 / 6 + y2 * (1.0 / 120 + y2 * (-1.0 / 5040 + y2 * (1.0 / 362880
                + y2 * (-1.0 / 39916800))))));
        return s * s;
    }
}
