package org.scipionj.ctffind.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReaders;

/**
 * The native estimate of each micrograph (see {@link CtfEstimator}), with its files ({@link CtfOutputs}). A
 * micrograph that cannot be read fails; one that can be read but holds no fittable Thon rings is an output with
 * Scipion's −999 values and the reason. Thread-safe: items may be processed concurrently; the loops of one item
 * share the run's {@link Workers}.
 */
final class NativeCtfProcessor implements ItemProcessor {

    private final LegacyValues values;
    private final boolean spectrumInput;
    private final Workers workers;

    NativeCtfProcessor(LegacyValues values, boolean spectrumInput, Workers workers) {
        this.values = values;
        this.spectrumInput = spectrumInput;
        this.workers = workers;
    }

    @Override
    public ItemResult process(ItemContext context, Item input) throws Exception {
        if (!(input instanceof Micrograph mic)) {
            return ItemResult.failed("expected a micrograph, got " + input.getClass().getSimpleName(), false);
        }
        if (context.isCancelled()) {
            return ItemResult.cancelled();
        }
        Acquisition acq = mic.acquisition();
        Microscope optics;
        try {
            optics = new Microscope(acq.voltage_kV(), acq.sphericalAberration_mm(), acq.amplitudeContrast());
        } catch (IllegalArgumentException e) {
            return ItemResult.failed("micrograph " + mic.file() + ": " + e.getMessage(), false);
        }
        if (!(mic.samplingRate_Apx() > 0)) {
            return ItemResult.failed("micrograph " + mic.file() + " has no pixel size; set samplingRate in the import",
                    false);
        }
        long start = System.nanoTime();
        Frame image;
        try {
            image = MovieReaders.readImage(Path.of(mic.file()));
        } catch (IOException e) {
            return ItemResult.failed("cannot read micrograph " + mic.file() + ": " + e.getMessage(), false);
        }
        long read = System.nanoTime();
        SearchSettings settings = values.settingsFor(mic.samplingRate_Apx());
        if (spectrumInput) {
            settings = settings.withBox(image.width()).withMinFitPixel(mic.samplingRate_Apx());
        }
        context.log(describe(settings, mic.samplingRate_Apx()));
        CtfEstimate estimate;
        try {
            estimate = spectrumInput
                    ? CtfEstimator.ofSpectrum(new AmplitudeSpectrum(image, mic.samplingRate_Apx(), 1), optics,
                            settings, workers)
                    : CtfEstimator.ofMicrograph(image, mic.samplingRate_Apx(), optics, settings, workers);
        } catch (IllegalArgumentException e) {
            context.log("no fit: " + e.getMessage());
            return ItemResult.done(CistemProtCTFFind.OUTPUT, CtfOutputs.failed(mic, e.getMessage(), null, Map.of()));
        }
        long estimated = System.nanoTime();
        CtfModel model = CtfOutputs.write(context.outputDir(), mic, optics, estimate, spectrumInput);
        CtfParameters p = estimate.parameters();
        context.log(String.format(Locale.ROOT, "%s, score %.4f, fit to %.2f Å", p, estimate.score(),
                estimate.resolution_A()));
        context.log(String.format(Locale.ROOT, "time: read %d ms, spectrum %d ms (%d tiles), fit %d ms, files %d ms",
                (read - start) / 1_000_000, estimate.spectrum_ms(), estimate.spectrum().tiles(), estimate.fit_ms(),
                (System.nanoTime() - estimated) / 1_000_000));
        if (!estimate.diagnostics().ringsFitted()) {
            String reason = String.format(Locale.ROOT, "no Thon rings fitted: the fit correlation is below %.2f "
                    + "from the low-resolution limit (%.1f Å) on; best guess %s, score %.4f", FitResolution.THRESHOLD,
                    settings.lowRes_A(), p, estimate.score());
            context.log(reason);
            return ItemResult.done(CistemProtCTFFind.OUTPUT,
                    CtfOutputs.failed(mic, reason, model.psdFile(), model.attributes()));
        }
        return ItemResult.done(CistemProtCTFFind.OUTPUT, model);
    }

    static String describe(SearchSettings s, double pixel_A) {
        return String.format(Locale.ROOT, "box %d px, fit %.1f-%.1f Å at %.3f Å/px, defocus %.0f-%.0f Å step %.0f, "
                + "%s, astigmatism %s%s", s.box(), s.lowRes_A(), s.highRes_A(), s.fitPixel_A(pixel_A),
                s.minDefocus_A(), s.maxDefocus_A(), s.stepDefocus_A(), s.slowSearch() ? "slow search" : "fast search",
                s.restrainAstigmatism() ? "restrained to " + s.astigmatismTolerance_A() + " Å" : "free",
                s.findPhaseShift() ? String.format(Locale.ROOT, ", phase shift %.0f-%.0f° step %.0f°",
                        s.minPhaseShift_deg(), s.maxPhaseShift_deg(), s.stepPhaseShift_deg()) : "");
    }

    @Override
    public void close() {
        workers.close();
    }
}
