package org.scipionj.ctffind.internal;

/**
 * The 1D view of a fit, one value per pixel of radius from 0 to Nyquist, as CTFFIND's {@code _avrot.txt} lists them.
 * Arrays are not copied: do not change them.
 *
 * @param frequency spatial frequency, 1/Å
 * @param rotationalAverage rotational average of the prepared spectrum (assuming no astigmatism)
 * @param equiphaseAverage equiphase average: pixels binned by the frequency that has the same CTF phase without
 *        astigmatism, so astigmatic rings add up sharply
 * @param ctfFit the fitted model {@code sin² χ} along the equiphase frequencies
 * @param crossCorrelation per-shell correlation between {@code equiphaseAverage} and {@code ctfFit} over a window of
 *        about two Thon rings
 * @param twoSigma twice the standard deviation of that correlation for pure noise ({@code 2 / sqrt(window)})
 * @param resolution_A highest resolution up to which the per-shell correlation stays at or above
 *        {@link FitResolution#THRESHOLD}
 * @param firstBin the first bin of the fitting band (below it the correlation is not computed and is 0)
 * @param lastBin the last bin up to which the correlation stays at or above the threshold; {@code firstBin - 1}
 *        when it is below it from the start
 */
record FitDiagnostics(double[] frequency, double[] rotationalAverage, double[] equiphaseAverage, double[] ctfFit,
                      double[] crossCorrelation, double[] twoSigma, double resolution_A, int firstBin, int lastBin) {

    /** Whether any Thon ring was fitted (the correlation reached the threshold at the low-resolution limit). */
    boolean ringsFitted() {
        return lastBin >= firstBin;
    }
}
