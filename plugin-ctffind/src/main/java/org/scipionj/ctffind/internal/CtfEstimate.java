package org.scipionj.ctffind.internal;

/**
 * A native CTF estimate with what it was made from, for the outputs. Immutable.
 *
 * @param parameters the fitted CTF
 * @param score normalised cross-correlation between the prepared spectrum and the model in the fitting band
 * @param diagnostics the 1D view, with the fit resolution
 * @param spectrum the amplitude spectrum fitted
 * @param prepared the background-subtracted spectrum the score was computed on
 * @param optics the optics used
 * @param settings the search settings used
 * @param spectrum_ms time spent computing the amplitude spectrum (0 when it was given)
 * @param fit_ms time spent preparing the spectrum, searching and computing the fit resolution
 */
record CtfEstimate(CtfParameters parameters, double score, FitDiagnostics diagnostics, AmplitudeSpectrum spectrum,
                   PreparedSpectrum prepared, Microscope optics, SearchSettings settings, long spectrum_ms,
                   long fit_ms) {

    CtfEstimate withSpectrumTime(long ms) {
        return new CtfEstimate(parameters, score, diagnostics, spectrum, prepared, optics, settings, ms, fit_ms);
    }

    double resolution_A() {
        return diagnostics.resolution_A();
    }
}
