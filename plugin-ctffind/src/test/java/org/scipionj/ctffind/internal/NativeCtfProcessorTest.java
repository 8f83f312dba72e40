package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.testing.Anchors;
import org.scipionj.testing.TestRun;

/** The native processor end to end on files: outputs, failures as −999 items, unreadable input. */
class NativeCtfProcessorTest {

    private static final Acquisition OPTICS = new Acquisition(300, 2.7, 0.1, 0);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static ItemResult process(Path dir, Micrograph mic, Map<String, Object> params) throws Exception {
        CistemProtCTFFind protocol = new CistemProtCTFFind("");
        TestRun run = TestRun.of(protocol.descriptor(), dir, params);
        try (ItemProcessor processor = protocol.open(run)) {
            return processor.process(run, mic);
        }
    }

    private static Micrograph micrograph(Path file, double pixel) {
        return new Micrograph(7, file.toString(), 0, 0, pixel, OPTICS, null, Map.of());
    }

    @Test
    void writesTheFilesAndTheItem(@TempDir Path dir) throws Exception {
        CtfParameters truth = CtfParameters.ofUV(14400, 13600, 45, 0);
        Frame frame = SyntheticMicrographs.render(1024, 1.0, new Microscope(300, 2.7, 0.1), truth, 80, 2, 5);
        Path file = dir.resolve("mic_001.mrc");
        MrcFiles.write(file, List.of(frame), MrcMode.FLOAT32, 1.0);
        ItemResult result = process(dir, micrograph(file, 1.0), Map.of());
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        CtfModel ctf = (CtfModel) result.outputs().get("outputCTF").get(0);
        assertEquals(7, ctf.id());
        assertEquals(14000, (ctf.defocusU_A() + ctf.defocusV_A()) / 2, 70, ctf.toString());
        assertEquals(800, ctf.astigmatism_A(), 100, ctf.toString());
        assertTrue(CtfEstimatorTest.angleError(ctf.defocusAngle_deg(), 45) < 3, ctf.toString());
        assertTrue(ctf.resolution_A() > 2 && ctf.resolution_A() < 8, ctf.toString());
        assertTrue(ctf.fitQuality() > 0.2, ctf.toString());
        assertEquals(dir.resolve("mic_001_psd.mrc").toString(), ctf.psdFile());
        Frame psd = MrcFiles.readAll(Path.of(ctf.psdFile())).get(0);
        assertEquals(512, psd.width());
        for (String png : List.of("mic_001_ctf.png", "mic_001_ctf_fit.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(png)), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, png);
        }
        CtffindText.Results r = CtffindText.readResults(dir.resolve("mic_001_ctf.txt"));
        assertEquals(ctf.defocusU_A(), r.defocusU_A(), 1e-3);
        assertEquals(ctf.resolution_A(), r.resolution_A(), 1e-3);
        assertEquals(6, CtffindText.readAvrot(dir.resolve("mic_001_ctf_avrot.txt")).length);
        assertEquals("native", ctf.attributes().get("estimator"));
    }

    @Test
    void aMicrographWithoutRingsIsAnOutputWithScipionsWrongDefocus(@TempDir Path dir) throws Exception {
        Frame flat = new Frame(600, 600);
        Arrays.fill(flat.data(), 1f);
        Path file = dir.resolve("blank.mrc");
        MrcFiles.write(file, List.of(flat), MrcMode.FLOAT32, 1.0);
        ItemResult result = process(dir, micrograph(file, 1.0), Map.of());
        assertEquals(ItemResult.Kind.DONE, result.kind());
        CtfModel ctf = (CtfModel) result.outputs().get("outputCTF").get(0);
        assertEquals(-999, ctf.defocusU_A());
        assertEquals(-1, ctf.defocusV_A());
        assertEquals(-999, ctf.defocusAngle_deg());
        assertEquals(-999, ctf.resolution_A());
        assertEquals(-999, ctf.fitQuality());
        assertNull(ctf.psdFile());
        assertTrue(String.valueOf(ctf.attributes().get("failure")).contains("constant"), ctf.attributes().toString());
    }

    @Test
    void anUnreadableMicrographFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.mrc");
        Files.writeString(file, "not an MRC file");
        ItemResult result = process(dir, micrograph(file, 1.0), Map.of());
        assertEquals(ItemResult.Kind.FAILED, result.kind());
        assertTrue(result.reason().contains("broken.mrc"), result.reason());
    }

    @Test
    void fitsAnAmplitudeSpectrumGivenAsInput(@TempDir Path dir) throws Exception {
        Path psd = Anchors.file("realdata/relion5_betagal_empiar10204/MotionCorr/job002/Movies/"
                + "20170629_00043_frameImage_PS.mrc");
        Micrograph mic = new Micrograph(43, psd.toString(), 512, 512, 1.39955, new Acquisition(200, 1.4, 0.1, 0),
                null, Map.of());
        ItemResult result = process(dir, mic, Map.of("amplitudeSpectrumInput", true, "astigmatism", 100.0));
        CtfModel ctf = (CtfModel) result.outputs().get("outputCTF").get(0);
        // NB: em_testdata's CTFFIND: 11090.1 / 10812.5 Å
        assertEquals(10951.3, (ctf.defocusU_A() + ctf.defocusV_A()) / 2, 110, ctf.toString());
        assertEquals(true, ctf.attributes().get("amplitudeSpectrumInput"));
    }
}
