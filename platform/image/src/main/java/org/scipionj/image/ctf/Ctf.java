package org.scipionj.image.ctf;

/**
 * The contrast transfer function in the CTFFIND4 convention (Rohou &amp; Grigorieff 2015, J. Struct. Biol. 192,
 * 216-221, eqs. 1-3), with a B-factor envelope. Immutable, thread-safe.
 *
 * <pre>
 * CTF(k, θ) = -sin(χ(k, θ)) · exp(-B k² / 4)
 * χ(k, θ)   = π λ Δf(θ) k² - (π/2) Cs λ³ k⁴ + Δφ + atan(w / sqrt(1 - w²))
 * Δf(θ)     = ½ [ΔfU + ΔfV + (ΔfU - ΔfV) cos(2 (θ - θast))]
 * </pre>
 *
 * k is the spatial frequency in 1/Å, θ its angle from the +x axis towards +y (y = row index), λ the electron
 * wavelength, Cs the spherical aberration in Å, Δφ the additional phase shift (phase plate) in radians, w the
 * amplitude contrast (fraction, e.g. 0.07), B the envelope B-factor in Å². Underfocus is positive; θast is the
 * angle from +x to the direction of defocus U. With this sign the CTF is {@code -w} at k = 0, so a positive
 * projected potential (protein) looks dark in underfocus, as in real micrographs.
 */
public final class Ctf {

    private final double wavelength_A;
    private final double cs_A;
    private final double defocusU_A;
    private final double defocusV_A;
    private final double astigmatismAngle_rad;
    private final double bFactor_A2;
    /** The constant part of χ: phase shift plus the amplitude-contrast phase. */
    private final double chi0;

    /**
     * @param voltage_kV accelerating voltage
     * @param cs_mm spherical aberration in millimetres
     * @param amplitudeContrast w, in [0, 1)
     * @param defocusU_A defocus along θast (underfocus positive)
     * @param defocusV_A defocus perpendicular to it
     * @param astigmatismAngle_deg θast, from +x towards +y
     * @param phaseShift_deg Δφ (0 without a phase plate)
     * @param bFactor_A2 B of the envelope exp(-B k²/4) (0: no envelope)
     */
    public Ctf(double voltage_kV, double cs_mm, double amplitudeContrast, double defocusU_A, double defocusV_A,
               double astigmatismAngle_deg, double phaseShift_deg, double bFactor_A2) {
        if (!(amplitudeContrast >= 0 && amplitudeContrast < 1)) {
            throw new IllegalArgumentException("amplitude contrast must be in [0, 1), got " + amplitudeContrast);
        }
        this.wavelength_A = ElectronOptics.wavelength_A(voltage_kV);
        this.cs_A = cs_mm * 1e7;
        this.defocusU_A = defocusU_A;
        this.defocusV_A = defocusV_A;
        this.astigmatismAngle_rad = Math.toRadians(astigmatismAngle_deg);
        this.bFactor_A2 = bFactor_A2;
        this.chi0 = Math.toRadians(phaseShift_deg)
                + Math.atan(amplitudeContrast / Math.sqrt(1 - amplitudeContrast * amplitudeContrast));
    }

    /** The defocus in Å along the direction at {@code angle_rad} from +x. */
    public double defocus_A(double angle_rad) {
        double c = Math.cos(2 * (angle_rad - astigmatismAngle_rad));
        return 0.5 * (defocusU_A + defocusV_A + (defocusU_A - defocusV_A) * c);
    }

    /** χ at the frequency (kx, ky) in 1/Å. */
    public double chi(double kx, double ky) {
        double k2 = kx * kx + ky * ky;
        double df = k2 == 0 ? 0 : defocus_A(Math.atan2(ky, kx));
        return Math.PI * wavelength_A * df * k2
                - 0.5 * Math.PI * cs_A * wavelength_A * wavelength_A * wavelength_A * k2 * k2 + chi0;
    }

    /** -sin χ, without the envelope. */
    public double value(double kx, double ky) {
        return -Math.sin(chi(kx, ky));
    }

    /** The B-factor envelope exp(-B k²/4). */
    public double envelope(double kx, double ky) {
        return Math.exp(-bFactor_A2 * (kx * kx + ky * ky) / 4);
    }

    /** {@link #value} times {@link #envelope}: what multiplies the specimen's spectrum. */
    public double transfer(double kx, double ky) {
        return value(kx, ky) * envelope(kx, ky);
    }

    /**
     * The first {@code count} zeros of the CTF (χ = nπ) along the direction {@code angle_rad}, in 1/Å, in increasing
     * order: the roots of {@code a k⁴ - b k² + (nπ - χ0) = 0} on the branch where χ still increases with k.
     * Fewer are returned when Cs turns χ back before {@code count} zeros.
     */
    public double[] zeros(double angle_rad, int count) {
        double a = 0.5 * Math.PI * cs_A * wavelength_A * wavelength_A * wavelength_A;
        double b = Math.PI * wavelength_A * defocus_A(angle_rad);
        double[] out = new double[count];
        int found = 0;
        for (int n = (int) Math.floor(chi0 / Math.PI) + 1; found < count; n++) {
            double c = n * Math.PI - chi0;
            double disc = b * b - 4 * a * c;
            if (disc < 0 || b <= 0) {
                break;
            }
            double k2 = 2 * c / (b + Math.sqrt(disc)); // NB: the smaller root, written without cancellation
            out[found++] = Math.sqrt(k2);
        }
        return java.util.Arrays.copyOf(out, found);
    }

    public double wavelength_A() {
        return wavelength_A;
    }
}
