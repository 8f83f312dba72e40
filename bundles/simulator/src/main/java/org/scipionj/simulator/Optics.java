package org.scipionj.simulator;

/**
 * The microscope and camera settings of a simulated movie, as an import protocol would be told them.
 *
 * @param voltage_kV accelerating voltage
 * @param sphericalAberration_mm Cs
 * @param amplitudeContrast w (fraction, e.g. 0.07), CTFFIND convention
 * @param pixelSize_A sampling of the movie, Å per pixel
 * @param dosePerFrame_ePerA2 electrons per Å² in each frame
 * @param initialDose_ePerA2 dose received before the first frame
 * @param wavelength_A relativistic electron wavelength at {@code voltage_kV} (0.019687 Å at 300 kV)
 */
public record Optics(double voltage_kV, double sphericalAberration_mm, double amplitudeContrast, double pixelSize_A,
                     double dosePerFrame_ePerA2, double initialDose_ePerA2, double wavelength_A) {
}
