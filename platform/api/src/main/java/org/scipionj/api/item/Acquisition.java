package org.scipionj.api.item;

/**
 * Microscope optics shared by the items of an acquisition.
 *
 * @param voltage_kV acceleration voltage
 * @param sphericalAberration_mm spherical aberration (Cs)
 * @param amplitudeContrast amplitude contrast fraction (0..1)
 * @param magnification nominal magnification, 0 when unknown
 */
public record Acquisition(double voltage_kV, double sphericalAberration_mm, double amplitudeContrast,
                          double magnification) {

    /** Scipion's defaults: 300 kV, Cs 2.7 mm, amplitude contrast 0.1. */
    public static final Acquisition DEFAULT = new Acquisition(300, 2.7, 0.1, 0);
}
