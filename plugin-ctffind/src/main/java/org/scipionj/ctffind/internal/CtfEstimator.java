package org.scipionj.ctffind.internal;

import org.scipionj.image.Frame;

/**
 * The native CTFFIND4-style estimate of one micrograph, or of an amplitude spectrum given as input (CTFFIND's
 * {@code --amplitude-spectrum-input}). Stateless; each call allocates its own buffers, so calls may run in parallel.
 *
 * <pre>{@code
 * CtfEstimate e = CtfEstimator.ofMicrograph(frame, 0.83, new Microscope(300, 2.7, 0.1), SearchSettings.DEFAULT,
 *         workers);
 * e.parameters().defocusU_A();
 * }</pre>
 */
final class CtfEstimator {

    private CtfEstimator() {
    }

    /**
     * @throws IllegalArgumentException when the image cannot hold a CTF estimate (not finite, constant, too small)
     */
    static CtfEstimate ofMicrograph(Frame micrograph, double pixel_A, Microscope optics, SearchSettings settings,
                                    Workers workers) {
        checkImage(micrograph, "micrograph");
        double fitPixel = settings.fitPixel_A(pixel_A);
        long start = System.nanoTime();
        AmplitudeSpectrum spectrum = TiledSpectrum.of(micrograph, pixel_A, settings.box(), fitPixel, workers);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return ofSpectrum(spectrum, optics, settings, workers).withSpectrumTime(ms);
    }

    /** Fits a centred amplitude spectrum as it is. */
    static CtfEstimate ofSpectrum(AmplitudeSpectrum spectrum, Microscope optics, SearchSettings settings,
                                  Workers workers) {
        checkImage(spectrum.values(), "amplitude spectrum");
        if (settings.highRes_A() >= settings.lowRes_A()) {
            throw new IllegalArgumentException("the high-resolution limit " + settings.highRes_A()
                    + " Å must be below the low-resolution limit " + settings.lowRes_A() + " Å");
        }
        long start = System.nanoTime();
        PreparedSpectrum prepared = PreparedSpectrum.of(spectrum, settings.lowRes_A(), settings.highRes_A());
        DefocusSearch.Fit fit = DefocusSearch.run(prepared, optics, settings, workers);
        FitDiagnostics diagnostics = FitResolution.of(prepared, optics, fit.parameters());
        return new CtfEstimate(fit.parameters(), fit.score(), diagnostics, spectrum, prepared, optics, settings, 0,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void checkImage(Frame frame, String what) {
        float[] d = frame.data();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : d) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("the " + what + " holds values that are not finite (NaN or "
                        + "infinity); no CTF can be fitted");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("the " + what + " is constant (" + min + "); no CTF can be fitted");
        }
    }
}
