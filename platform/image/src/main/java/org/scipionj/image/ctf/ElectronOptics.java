package org.scipionj.image.ctf;

/**
 * The relativistic electron wavelength and interaction constant at an accelerating voltage. Stateless.
 *
 * <p>Wavelength (de Broglie, relativistic momentum): {@code λ = h / sqrt(2 m0 e V (1 + e V / (2 m0 c²)))};
 * 0.019687 Å at 300 kV, 0.025079 Å at 200 kV. Interaction constant (phase shift per volt and ångström of
 * projected potential): {@code σ = (2π / (λ V)) (m0 c² + e V) / (2 m0 c² + e V)}; 0.000653 rad/(V·Å) at 300 kV.
 * Source: Williams &amp; Carter, <i>Transmission Electron Microscopy</i> (2009), eq. 1.6; Kirkland,
 * <i>Advanced Computing in Electron Microscopy</i> (2nd ed., 2010), eqs. 2.5 and 5.6. Constants: CODATA 2018
 * exact values (h, e, c) and m0 = 9.1093837015e-31 kg.
 */
public final class ElectronOptics {

    /** Planck constant, J·s. */
    private static final double H = 6.62607015e-34;
    /** Electron rest mass, kg. */
    private static final double M0 = 9.1093837015e-31;
    /** Elementary charge, C. */
    private static final double E = 1.602176634e-19;
    /** Speed of light, m/s. */
    private static final double C = 299_792_458.0;

    private ElectronOptics() {
    }

    /** The electron wavelength in ångström at {@code voltage_kV} kilovolts. */
    public static double wavelength_A(double voltage_kV) {
        if (!(voltage_kV > 0)) {
            throw new IllegalArgumentException("voltage must be positive, got " + voltage_kV + " kV");
        }
        double eV = E * voltage_kV * 1e3;
        double p = Math.sqrt(2 * M0 * eV * (1 + eV / (2 * M0 * C * C)));
        return H / p * 1e10;
    }

    /** The interaction constant σ in radians per volt·ångström at {@code voltage_kV} kilovolts. */
    public static double interactionConstant_radPerVA(double voltage_kV) {
        double volts = voltage_kV * 1e3;
        double restEnergy_eV = M0 * C * C / E;
        return 2 * Math.PI / (wavelength_A(voltage_kV) * volts) * (restEnergy_eV + volts) / (2 * restEnergy_eV + volts);
    }
}
