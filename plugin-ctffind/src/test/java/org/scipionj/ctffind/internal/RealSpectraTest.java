package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;
import org.scipionj.testing.Anchors;

/**
 * The real RELION amplitude spectra of EMPIAR-10204 (shared anchors, relion5_betagal_empiar10204), fitted as
 * CTFFIND's --amplitude-spectrum-input with the recorded CTFFIND answers, against the CTFFIND values of the RELION
 * developers' run on the same micrographs (em_testdata_relion4_betagal; see the anchors README, "Caution on the
 * recorded CTFFIND values"): mean defocus within 1 %.
 */
class RealSpectraTest {

    @ParameterizedTest
    @ValueSource(strings = {"00021", "00026", "00036", "00043", "00045", "00049"})
    void meanDefocusAgreesWithCtffind(String id) throws Exception {
        Path psd = Anchors.file("realdata/relion5_betagal_empiar10204/MotionCorr/job002/Movies/20170629_" + id
                + "_frameImage_PS.mrc");
        Frame spectrum = MrcFiles.readAll(psd).get(0);
        SearchSettings s = SearchSettings.DEFAULT.withAstigmatism(true, 100).withBox(spectrum.width());
        CtfEstimate e;
        try (Workers workers = new Workers(2)) {
            e = CtfEstimator.ofSpectrum(new AmplitudeSpectrum(spectrum, 1.39955, 1), new Microscope(200, 1.4, 0.1), s,
                    workers);
        }
        StarBlock table = StarFile.read(Anchors.file("realdata/em_testdata_relion4_betagal/micrographs_ctf.star"))
                .block("micrographs").orElseThrow();
        int row = -1;
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.value(i, "rlnMicrographName").contains("_" + id + "_")) {
                row = i;
            }
        }
        double u = Double.parseDouble(table.value(row, "rlnDefocusU"));
        double v = Double.parseDouble(table.value(row, "rlnDefocusV"));
        double reference = (u + v) / 2;
        CtfParameters p = e.parameters();
        assertEquals(reference, p.mean_A(), 0.01 * reference, id + ": " + p + " against " + u + "/" + v);
        assertEquals(u - v, p.astigmatism_A(), 100, id + ": " + p + " against " + u + "/" + v);
        assertTrue(e.diagnostics().ringsFitted() && e.resolution_A() < 6, id + ": fit to " + e.resolution_A());
    }
}
