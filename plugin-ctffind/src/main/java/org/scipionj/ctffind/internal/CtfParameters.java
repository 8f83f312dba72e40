package org.scipionj.ctffind.internal;

/**
 * One CTF hypothesis, parametrised smoothly for fitting: mean defocus and astigmatism as a vector
 * {@code (A cos 2θa, A sin 2θa)}, so that zero astigmatism has no singular angle. The defocus along the direction
 * at angle θ from +x is {@code mean + ½ (astigX cos 2θ + astigY sin 2θ)}; in CTFFIND's terms defocusU = mean + A/2
 * along θa and defocusV = mean − A/2 (underfocus positive). Immutable.
 *
 * @param mean_A mean defocus (dfU + dfV) / 2, Å
 * @param astigX_A A cos 2θa, Å
 * @param astigY_A A sin 2θa, Å
 * @param phaseShift_rad additional phase shift (phase plate), radians
 */
record CtfParameters(double mean_A, double astigX_A, double astigY_A, double phaseShift_rad) {

    /** From CTFFIND's values (any order of U and V; the angle is from +x to defocusU, degrees). */
    static CtfParameters ofUV(double defocusU_A, double defocusV_A, double angle_deg, double phaseShift_deg) {
        double a = defocusU_A - defocusV_A;
        double t = Math.toRadians(2 * angle_deg);
        return new CtfParameters(0.5 * (defocusU_A + defocusV_A), a * Math.cos(t), a * Math.sin(t),
                Math.toRadians(phaseShift_deg));
    }

    /** Astigmatism dfU − dfV ≥ 0, Å. */
    double astigmatism_A() {
        return Math.hypot(astigX_A, astigY_A);
    }

    /** defocusU ≥ defocusV, Å. */
    double defocusU_A() {
        return mean_A + 0.5 * astigmatism_A();
    }

    double defocusV_A() {
        return mean_A - 0.5 * astigmatism_A();
    }

    /** Angle from +x to the direction of defocusU, degrees in [0, 180). */
    double angle_deg() {
        if (astigmatism_A() == 0) {
            return 0;
        }
        double a = 0.5 * Math.toDegrees(Math.atan2(astigY_A, astigX_A));
        return a < 0 ? a + 180 : (a >= 180 ? a - 180 : a);
    }

    /** Phase shift in degrees. */
    double phaseShift_deg() {
        return Math.toDegrees(phaseShift_rad);
    }

    /** Defocus along a direction given by {@code cos 2θ} and {@code sin 2θ}. */
    double defocusAt(double cos2, double sin2) {
        return mean_A + 0.5 * (astigX_A * cos2 + astigY_A * sin2);
    }

    CtfParameters withMean(double newMean) {
        return new CtfParameters(newMean, astigX_A, astigY_A, phaseShift_rad);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "dfU %.1f dfV %.1f angle %.1f phase %.1f", defocusU_A(),
                defocusV_A(), angle_deg(), phaseShift_deg());
    }
}
