package org.scipionj.ctffind.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;

/**
 * The files and the {@link CtfModel} item of one micrograph: {@code <mic>_psd.mrc} (the amplitude spectrum fitted),
 * {@code <mic>_ctf.png} (data | model), {@code <mic>_ctf_fit.png} (1D fit plot), {@code <mic>_ctf.txt} and
 * {@code <mic>_ctf_avrot.txt} (CTFFIND's formats). A micrograph without a fit gets Scipion's "wrong defocus" values
 * ({@link #failed}). Stateless.
 */
final class CtfOutputs {

    /** Scipion's value for a CTF that could not be estimated ({@code CTFModel.setWrongDefocus}). */
    static final double WRONG = -999;

    private CtfOutputs() {
    }

    /** The file stem outputs are named after: the micrograph's file name without its extension. */
    static String stem(Micrograph mic) {
        String name = Path.of(mic.file()).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes every file of a native estimate and returns the item. */
    static CtfModel write(Path dir, Micrograph mic, Microscope optics, CtfEstimate e, boolean spectrumInput)
            throws IOException {
        String stem = stem(mic);
        Path psd = dir.resolve(stem + "_psd.mrc");
        Path png = dir.resolve(stem + "_ctf.png");
        Path plot = dir.resolve(stem + "_ctf_fit.png");
        Path txt = dir.resolve(stem + "_ctf.txt");
        Path avrot = dir.resolve(stem + "_ctf_avrot.txt");
        CtfParameters p = e.parameters();
        MrcFiles.write(psd, List.of(e.spectrum().values()), MrcMode.FLOAT32, e.spectrum().pixelSize_A(),
                "Scipion-J ctffind: amplitude spectrum, centred");
        DiagnosticImages.writePng(png, e.prepared(), optics, p);
        FitPlot.writePng(plot, e.diagnostics(), stem);
        CtffindText.Header header = new CtffindText.Header(mic.file(), mic.samplingRate_Apx(), optics, e.settings(),
                CtffindText.VERSION);
        CtffindText.writeResults(txt, header, new CtffindText.Results(p.defocusU_A(), p.defocusV_A(), p.angle_deg(),
                p.phaseShift_rad(), e.score(), e.resolution_A()));
        CtffindText.writeAvrot(avrot, header, e.diagnostics(), ctfAmplitude(e.diagnostics()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("estimator", "native");
        attributes.put("psdPng", png.toString());
        attributes.put("fitPlotPng", plot.toString());
        attributes.put("ctffindResults", txt.toString());
        attributes.put("ctffindProfiles", avrot.toString());
        attributes.put("fitPixelSize_A", e.spectrum().pixelSize_A());
        attributes.put("spectrumBox_px", e.spectrum().box());
        attributes.put("tiles", e.spectrum().tiles());
        attributes.put("astigmatism_A", p.astigmatism_A());
        if (spectrumInput) {
            attributes.put("amplitudeSpectrumInput", true);
        }
        return new CtfModel(mic.id(), mic.file(), p.defocusU_A(), p.defocusV_A(), p.angle_deg(), p.phaseShift_deg(),
                e.resolution_A(), e.score(), psd.toString(), attributes);
    }

    /**
     * The item of a micrograph whose CTF could not be estimated, as Scipion records it: defocusU −999, defocusV −1,
     * angle −999, resolution and fit quality −999 ({@code CTFModel.setWrongDefocus}); the reason is the
     * {@code failure} attribute.
     */
    static CtfModel failed(Micrograph mic, String reason, String psdFile, Map<String, Object> extra) {
        Map<String, Object> attributes = new LinkedHashMap<>(extra);
        attributes.put("failure", reason);
        return new CtfModel(mic.id(), mic.file(), WRONG, -1, WRONG, 0, WRONG, WRONG, psdFile, attributes);
    }

    /** |CTF| along the equiphase frequencies (CTFFIND's "CTF fit" column of an amplitude spectrum). */
    private static double[] ctfAmplitude(FitDiagnostics d) {
        double[] out = new double[d.ctfFit().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(Math.max(0, d.ctfFit()[i]));
        }
        return out;
    }
}
