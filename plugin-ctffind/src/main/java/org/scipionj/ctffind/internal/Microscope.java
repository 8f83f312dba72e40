package org.scipionj.ctffind.internal;

import org.scipionj.image.ctf.ElectronOptics;

/**
 * The optics a CTF depends on besides defocus. Immutable.
 *
 * @param voltage_kV accelerating voltage
 * @param cs_mm spherical aberration
 * @param amplitudeContrast fraction of amplitude contrast w, in [0, 1)
 */
record Microscope(double voltage_kV, double cs_mm, double amplitudeContrast) {

    Microscope {
        if (!(voltage_kV > 0) || !(cs_mm >= 0) || !(amplitudeContrast >= 0 && amplitudeContrast < 1)) {
            throw new IllegalArgumentException("impossible optics: " + voltage_kV + " kV, Cs " + cs_mm
                    + " mm, amplitude contrast " + amplitudeContrast + " (need kV > 0, Cs >= 0, 0 <= w < 1)");
        }
    }

    /** Relativistic electron wavelength in Å. */
    double wavelength_A() {
        return ElectronOptics.wavelength_A(voltage_kV);
    }

    /** Cs in Å. */
    double cs_A() {
        return cs_mm * 1e7;
    }

    /** The phase of the amplitude contrast, {@code atan(w / sqrt(1 - w²))}, added to χ. */
    double amplitudePhase_rad() {
        return Math.atan(amplitudeContrast / Math.sqrt(1 - amplitudeContrast * amplitudeContrast));
    }

    /** π λ: χ's defocus term is {@code π λ Δf k²}. */
    double defocusFactor() {
        return Math.PI * wavelength_A();
    }

    /** ½ π Cs λ³: χ's spherical aberration term is {@code -½ π Cs λ³ k⁴}. */
    double sphericalFactor() {
        double l = wavelength_A();
        return 0.5 * Math.PI * cs_A() * l * l * l;
    }
}
