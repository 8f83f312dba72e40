package org.scipionj.ctffind.internal;

import org.scipionj.image.Frame;

/**
 * A centred amplitude spectrum: a square {@code box x box} frame with frequency zero at pixel
 * {@code (box/2, box/2)}, x along the micrograph's x and y along its rows, and its pixel size, so that pixel
 * {@code (x, y)} is the frequency {@code ((x - box/2), (y - box/2)) / (box * pixelSize_A)} in 1/Å.
 * Values are not changed after construction; share it between threads only to read.
 *
 * @param values the amplitudes (square root of the averaged power)
 * @param pixelSize_A sampling the spectrum stands for, Å/px (the micrograph's, or larger when it was resampled)
 * @param tiles number of tiles averaged (1 for a spectrum read from a file)
 */
record AmplitudeSpectrum(Frame values, double pixelSize_A, int tiles) {

    AmplitudeSpectrum {
        if (values.width() != values.height() || values.width() % 2 != 0) {
            throw new IllegalArgumentException("an amplitude spectrum must be square with an even side, got "
                    + values.width() + "x" + values.height());
        }
        if (!(pixelSize_A > 0)) {
            throw new IllegalArgumentException("the pixel size of a spectrum must be positive, got " + pixelSize_A);
        }
    }

    int box() {
        return values.width();
    }

    /** Frequency step between neighbouring pixels, 1/Å. */
    double frequencyStep() {
        return 1.0 / (box() * pixelSize_A);
    }
}
