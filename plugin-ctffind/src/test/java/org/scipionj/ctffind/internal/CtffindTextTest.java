package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.testing.Anchors;

/** CTFFIND's text formats: real CTFFIND 4.1.14 files parse, ours have the same shape and round-trip. */
class CtffindTextTest {

    private static final String RELION = "realdata/relion5_betagal_empiar10204/CtfFind/job005/Movies/";

    @Test
    void readsRealCtffindResults() throws IOException {
        CtffindText.Results r = CtffindText.readResults(Anchors.file(RELION + "20170629_00045_frameImage_PS.txt"));
        assertEquals(36029.179688, r.defocusU_A(), 1e-6);
        assertEquals(35093.445312, r.defocusV_A(), 1e-6);
        assertEquals(-14.621174, r.angle_deg(), 1e-6);
        assertEquals(0.124852, r.crossCorrelation(), 1e-6);
        assertEquals(5.469997, r.resolution_A(), 1e-6);
    }

    @Test
    void readsRealCtffindProfiles() throws IOException {
        double[][] rows = CtffindText.readAvrot(Anchors.file(RELION + "20170629_00045_frameImage_PS_avrot.txt"));
        assertEquals(6, rows.length);
        assertEquals(363, rows[0].length);
        // NB: a header line with an extra field ("; num. frames averaged: 3")
        assertEquals(6, CtffindText.readAvrot(Anchors.file("realdata/ctffind5_manuscript/mmm_CTF_0_avrot.txt")).length);
    }

    @Test
    void writesWhatCtffindWrites(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("mic_ctf.txt");
        CtffindText.Header h = new CtffindText.Header("/data/mic.mrc", 0.83, new Microscope(300, 2.7, 0.1),
                SearchSettings.DEFAULT, CtffindText.VERSION);
        CtffindText.writeResults(txt, h, new CtffindText.Results(12345.6, 12001.2, 33.3, 0.5, 0.21, 3.7));
        List<String> lines = Files.readAllLines(txt);
        List<String> real = Files.readAllLines(Anchors.file(RELION + "20170629_00045_frameImage_PS.txt"));
        assertEquals(real.size(), lines.size());
        for (int i = 0; i < real.size() - 1; i++) {
            String prefix = real.get(i).substring(0, Math.min(14, real.get(i).length()));
            assertTrue(lines.get(i).startsWith(prefix), lines.get(i) + " vs " + real.get(i));
        }
        assertEquals(real.get(4), lines.get(4));
        assertEquals("# Pixel size: 0.830 Angstroms ; acceleration voltage: 300.0 keV ; spherical aberration: 2.70 mm "
                + "; amplitude contrast: 0.10", lines.get(2));
        CtffindText.Results back = CtffindText.readResults(txt);
        assertEquals(12345.6, back.defocusU_A(), 1e-4);
        assertEquals(3.7, back.resolution_A(), 1e-4);

        Path avrot = dir.resolve("mic_ctf_avrot.txt");
        double[] f = {0, 0.1, 0.2};
        FitDiagnostics d = new FitDiagnostics(f, f, f, f, f, f, 5, 1, 2);
        CtffindText.writeAvrot(avrot, h, d, f);
        assertEquals(3, CtffindText.readAvrot(avrot)[5].length);
        assertTrue(Files.readAllLines(avrot).get(4).startsWith("# 6 lines per micrograph: #1 - spatial frequency"));
    }

    @Test
    void aBrokenResultsFileSaysWhere(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("bad.txt");
        Files.writeString(txt, "# header\n1.0 2.0 3.0\n");
        IOException e = assertThrows(IOException.class, () -> CtffindText.readResults(txt));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("7 columns"), e.getMessage());
    }
}
