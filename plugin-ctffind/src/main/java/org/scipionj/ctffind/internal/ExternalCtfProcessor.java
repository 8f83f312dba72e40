package org.scipionj.ctffind.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.image.process.Thumbnails;

/**
 * Runs a CTFFIND 4.1 executable on each micrograph, as Scipion does: the answers to its questions go to its standard
 * input, its output goes to {@code <mic>_ctffind4.log}, and its results files ({@code <mic>_ctf.txt},
 * {@code <mic>_ctf_avrot.txt}, diagnostic {@code <mic>_ctf.mrc}) are read back into the item; the PNGs are drawn
 * from them. Thread-safe: each item runs its own process.
 */
final class ExternalCtfProcessor implements ItemProcessor {

    /** Longest a CTFFIND run may take before it is stopped. */
    static final long TIMEOUT_MINUTES = 30;

    private final Path program;
    private final LegacyValues values;
    private final boolean spectrumInput;

    ExternalCtfProcessor(Path program, LegacyValues values, boolean spectrumInput) {
        this.program = program;
        this.values = values;
        this.spectrumInput = spectrumInput;
    }

    @Override
    public ItemResult process(ItemContext context, Item input) throws Exception {
        if (!(input instanceof Micrograph mic)) {
            return ItemResult.failed("expected a micrograph, got " + input.getClass().getSimpleName(), false);
        }
        Acquisition acq = mic.acquisition();
        Microscope optics = new Microscope(acq.voltage_kV(), acq.sphericalAberration_mm(), acq.amplitudeContrast());
        SearchSettings s = values.settingsFor(mic.samplingRate_Apx());
        String stem = CtfOutputs.stem(mic);
        Path dir = context.outputDir();
        Path diagnostic = dir.resolve(stem + "_ctf.mrc");
        Path txt = dir.resolve(stem + "_ctf.txt");
        Path avrot = dir.resolve(stem + "_ctf_avrot.txt");
        Path log = dir.resolve(stem + "_ctffind4.log");
        Files.deleteIfExists(txt);
        List<String> command = new ArrayList<>(List.of(program.toString()));
        if (spectrumInput) {
            command.add("--amplitude-spectrum-input");
        }
        String answers = String.join("\n", answers(mic, diagnostic, optics, s)) + "\n";
        context.log("running " + String.join(" ", command) + " with answers: " + answers.replace('\n', '|'));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            process.getOutputStream().write(answers.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (context.isCancelled()) {
                    return ItemResult.cancelled();
                }
                if (System.nanoTime() > deadline) {
                    return ItemResult.failed(program + " took more than " + TIMEOUT_MINUTES + " minutes on "
                            + mic.file() + "; see " + log, true);
                }
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            return ItemResult.failed(program + " exited with status " + process.exitValue() + " on " + mic.file()
                    + ": " + tail(log), false);
        }
        if (!Files.isRegularFile(txt)) {
            return ItemResult.failed(program + " wrote no results file " + txt + " for " + mic.file() + ": "
                    + tail(log), false);
        }
        CtffindText.Results r = CtffindText.readResults(txt);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("estimator", "ctffind4");
        attributes.put("ctffindExecutable", program.toString());
        attributes.put("ctffindResults", txt.toString());
        attributes.put("ctffindLog", log.toString());
        String psd = null;
        if (Files.isRegularFile(diagnostic)) {
            psd = diagnostic.toString();
            try {
                Frame image = MovieReaders.readImage(diagnostic);
                Path png = dir.resolve(stem + "_ctf.png");
                Thumbnails.writePng(image, png, Thumbnails.Options.DEFAULT);
                attributes.put("psdPng", png.toString());
            } catch (IOException e) {
                context.log("cannot draw " + diagnostic + ": " + e.getMessage());
            }
        }
        if (Files.isRegularFile(avrot)) {
            attributes.put("ctffindProfiles", avrot.toString());
            try {
                Path plot = dir.resolve(stem + "_ctf_fit.png");
                FitPlot.writePng(plot, profiles(CtffindText.readAvrot(avrot), r.resolution_A()), stem);
                attributes.put("fitPlotPng", plot.toString());
            } catch (IOException e) {
                context.log("cannot plot " + avrot + ": " + e.getMessage());
            }
        }
        CtfParameters p = CtfParameters.ofUV(r.defocusU_A(), r.defocusV_A(), r.angle_deg(),
                Math.toDegrees(r.phaseShift_rad()));
        if (!(r.defocusU_A() > 0) || !(r.resolution_A() > 0) || !Double.isFinite(r.crossCorrelation())) {
            String reason = String.format(Locale.ROOT, "CTFFIND found no fit (defocus %.1f/%.1f Å, resolution %.2f Å)",
                    r.defocusU_A(), r.defocusV_A(), r.resolution_A());
            return ItemResult.done(CistemProtCTFFind.OUTPUT, CtfOutputs.failed(mic, reason, psd, attributes));
        }
        context.log(String.format(Locale.ROOT, "CTFFIND: %s, score %.4f, fit to %.2f Å", p, r.crossCorrelation(),
                r.resolution_A()));
        return ItemResult.done(CistemProtCTFFind.OUTPUT, new CtfModel(mic.id(), mic.file(), p.defocusU_A(),
                p.defocusV_A(), p.angle_deg(), p.phaseShift_deg(), r.resolution_A(), r.crossCorrelation(), psd,
                attributes));
    }

    /** CTFFIND 4.1's questions in order, for a single-image input and no expert options. */
    static List<String> answers(Micrograph mic, Path diagnostic, Microscope optics, SearchSettings s) {
        List<String> a = new ArrayList<>();
        a.add(mic.file());
        a.add(diagnostic.toString());
        a.add(num(mic.samplingRate_Apx()));
        a.add(num(optics.voltage_kV()));
        a.add(num(optics.cs_mm()));
        a.add(num(optics.amplitudeContrast()));
        a.add(String.valueOf(s.box()));
        a.add(num(s.lowRes_A()));
        a.add(num(s.highRes_A()));
        a.add(num(s.minDefocus_A()));
        a.add(num(s.maxDefocus_A()));
        a.add(num(s.stepDefocus_A()));
        a.add("no"); // do you know what astigmatism is present?
        a.add(s.slowSearch() ? "yes" : "no");
        a.add(s.restrainAstigmatism() ? "yes" : "no");
        if (s.restrainAstigmatism()) {
            a.add(num(s.astigmatismTolerance_A()));
        }
        a.add(s.findPhaseShift() ? "yes" : "no");
        if (s.findPhaseShift()) {
            a.add(num(Math.toRadians(s.minPhaseShift_deg())));
            a.add(num(Math.toRadians(s.maxPhaseShift_deg())));
            a.add(num(Math.toRadians(s.stepPhaseShift_deg())));
        }
        a.add("no"); // expert options
        return a;
    }

    /** The 1D diagnostics of a CTFFIND profile file (its "CTF fit" is |CTF|; the plot shows sin² χ). */
    private static FitDiagnostics profiles(double[][] rows, double resolution_A) {
        double[] fit = rows[3].clone();
        for (int i = 0; i < fit.length; i++) {
            fit[i] = fit[i] * fit[i];
        }
        int first = 1;
        while (first < rows[4].length - 1 && rows[4][first] == 1.0) {
            first++; // NB: CTFFIND writes a correlation of 1 below the fitting band
        }
        return new FitDiagnostics(rows[0], rows[1], rows[2], fit, rows[4], rows[5], resolution_A, first, first);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
