package org.scipionj.eman.internal;

/**
 * How particles are cut out and prepared. Immutable.
 *
 * @param boxSize final box size, pixels after down-sampling
 * @param downFactor down-sampling factor (1: none); the window cut from the micrograph is {@code boxSize *
 *        downFactor} px (rounded to even) and Fourier-resized to {@code boxSize}
 * @param invert multiply by -1 (dark particles become white, as 2D classification expects)
 * @param normalize normalise each particle (see {@link ParticleExtractor})
 * @param normType 0 OldXmipp (whole box mean 0, sd 1), 1 NewXmipp (background mean 0, sd 1), 2 Ramp (a plane
 *        fitted to the background subtracted, then background mean 0, sd 1)
 * @param backRadius radius of the particle circle, final pixels; the background is outside it; {@code <= 0}:
 *        half the box
 * @param dustThreshold after normalisation, values beyond ±this are clamped to it (dust removal); {@code <= 0}: off
 */
public record ExtractionSettings(int boxSize, double downFactor, boolean invert, boolean normalize, int normType,
                                 double backRadius, double dustThreshold) {

    public ExtractionSettings {
        if (boxSize < 2 || !(downFactor >= 1)) {
            throw new IllegalArgumentException("boxSize must be at least 2 and downFactor at least 1, got "
                    + boxSize + " and " + downFactor);
        }
    }

    /** The window cut from the micrograph, pixels of the micrograph (even unless {@code boxSize} is odd). */
    public int window() {
        if (downFactor == 1) {
            return boxSize;
        }
        return Math.max(boxSize, 2 * (int) Math.round(boxSize * downFactor / 2));
    }

    /** The pixel size of the extracted images given the micrograph's. */
    public double pixelSize(double micrographPixelSize) {
        return micrographPixelSize * window() / boxSize;
    }
}
