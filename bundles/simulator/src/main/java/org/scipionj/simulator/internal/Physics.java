package org.scipionj.simulator.internal;

/**
 * Specimen and detector constants that are not options of {@code scipion testdata}; tests change them to isolate
 * one effect (e.g. a specimen of pure ice for Thon rings).
 *
 * @param proteinContrast_V projected-potential contrast of protein against the ice it displaces, volts (≈ 1.5 V:
 *        mean inner potentials of about 6 V for protein and 4.5 V for vitreous ice)
 * @param iceTexture_radA standard deviation of the white phase texture of amorphous ice, in radians for a
 *        1 Å × 1 Å pixel; a pixel of side p Å gets {@code iceTexture_radA / p}, so its power per unit area does not
 *        depend on the sampling. This texture is what makes Thon rings visible between particles.
 * @param iceTransmission largest amplitude of each of the three low-frequency cosine terms of the ice-thickness
 *        transmission (inelastic loss seen as a smooth intensity modulation); 0: flat
 * @param blobsPerParticle Gaussian blobs summed into each particle
 * @param gainPixelSd per-pixel standard deviation of the detector sensitivity
 * @param gainColumnSd per-column standard deviation of the detector sensitivity (readout pattern)
 * @param deadFraction fraction of dead pixels (sensitivity 0)
 * @param hotFraction fraction of hot pixels
 * @param hotRate extra mean counts per frame of a hot pixel, in multiples of the mean counts per pixel per frame
 *        (taken as at least 1, so a hot pixel always stands out)
 */
record Physics(double proteinContrast_V, double iceTexture_radA, double iceTransmission, int blobsPerParticle,
               double gainPixelSd, double gainColumnSd, double deadFraction, double hotFraction, double hotRate) {

    /** The constants {@code scipion testdata} uses. */
    static final Physics DEFAULT = new Physics(1.5, 0.07, 0.03, 24, 0.03, 0.02, 2e-5, 1e-5, 20);

    Physics withIce(double texture, double transmission) {
        return new Physics(proteinContrast_V, texture, transmission, blobsPerParticle, gainPixelSd, gainColumnSd,
                deadFraction, hotFraction, hotRate);
    }

    Physics withDefects(double dead, double hot) {
        return new Physics(proteinContrast_V, iceTexture_radA, iceTransmission, blobsPerParticle, gainPixelSd,
                gainColumnSd, dead, hot, hotRate);
    }
}
