package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.scipionj.testing.TestRun;

/**
 * The external mode with a fake CTFFIND: a script that reads the answers from its standard input (and keeps them),
 * prints CTFFIND's log and writes CTFFIND 4.1.14's results files next to the diagnostic file it was given.
 */
class ExternalCtfProcessorTest {

    private static final String FAKE = """
            #!/bin/bash
            mapfile -t answers
            printf '%s\\n' "$@" > args.txt
            printf '%s\\n' "${answers[@]}" > answers.txt
            out="${answers[1]%.mrc}"
            echo "        **   Welcome to Ctffind   **"
            echo "            Version : 4.1.14"
            if [[ "${answers[0]}" == *bad* ]]; then echo "Error: cannot read ${answers[0]}"; exit 3; fi
            cat > "$out.txt" <<EOF
            # Output from CTFFind version 4.1.14, run on 2024-08-30 16:05:32
            # Input file: ${answers[0]} ; Number of micrographs: 1
            # Pixel size: 1.000 Angstroms ; acceleration voltage: 300.0 keV ; spherical aberration: 2.70 mm ; amplitude contrast: 0.10
            # Box size: 512 pixels ; min. res.: 30.0 Angstroms ; max. res.: 5.0 Angstroms ; min. def.: 5000.0 um; max. def. 50000.0 um
            # Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; #4 - azimuth of astigmatism; #5 - additional phase shift [radians]; #6 - cross correlation; #7 - spacing (in Angstroms) up to which CTF rings were fit successfully
            1.000000 12111.800781 11837.799805 -14.621174 0.000000 0.124852 3.469997
            EOF
            cat > "${out}_avrot.txt" <<EOF
            # Output from CTFFind version 4.1.14, run on 2024-08-30 16:05:32
            # 6 lines per micrograph
            0.000000 0.010000 0.020000 0.030000
            0.1 0.2 0.3 0.4
            0.1 0.2 0.3 0.4
            0.1 0.5 0.9 0.5
            1.000000 0.900000 0.800000 0.700000
            0.000000 0.100000 0.100000 0.100000
            EOF
            echo "Estimated defocus values        : 12111.80 , 11837.80 Angstroms"
            """;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Path fake(Path dir) throws Exception {
        Path script = dir.resolve("ctffind");
        Files.writeString(script, FAKE);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static ItemResult run(Path dir, String micName, Map<String, Object> params) throws Exception {
        CistemProtCTFFind protocol = new CistemProtCTFFind(fake(dir).toString());
        TestRun run = TestRun.of(protocol.descriptor(), dir, params);
        Micrograph mic = new Micrograph(3, dir.resolve(micName).toString(), 4096, 4096, 1.0,
                new Acquisition(300, 2.7, 0.1, 0), null, Map.of());
        try (ItemProcessor processor = protocol.open(run)) {
            return processor.process(run, mic);
        }
    }

    @Test
    void runsCtffindWithScipionsAnswersAndReadsItsResults(@TempDir Path dir) throws Exception {
        ItemResult result = run(dir, "mic_9.mrc", Map.of("findPhaseShift", true, "astigmatism", 150.0));
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        CtfModel ctf = (CtfModel) result.outputs().get("outputCTF").get(0);
        assertEquals(12111.800781, ctf.defocusU_A(), 1e-3);
        assertEquals(11837.799805, ctf.defocusV_A(), 1e-3);
        assertEquals(180 - 14.621174, ctf.defocusAngle_deg(), 1e-3);
        assertEquals(3.469997, ctf.resolution_A(), 1e-6);
        assertEquals(0.124852, ctf.fitQuality(), 1e-6);
        assertEquals("ctffind4", ctf.attributes().get("estimator"));
        assertTrue(Files.isRegularFile(dir.resolve("mic_9_ctf_fit.png")));
        List<String> answers = Files.readAllLines(dir.resolve("answers.txt"));
        assertEquals(List.of(dir.resolve("mic_9.mrc").toString(), dir.resolve("mic_9_ctf.mrc").toString(), "1", "300",
                "2.70000", "0.100000", "512", "30", "5", "5000", "50000", "500", "no", "no", "yes", "150", "yes", "0",
                "3.14159", "0.174533", "no"), answers);
        assertTrue(Files.readString(dir.resolve("mic_9_ctffind4.log")).contains("Welcome to Ctffind"));
    }

    @Test
    void passesTheAmplitudeSpectrumFlag(@TempDir Path dir) throws Exception {
        run(dir, "mic_PS.mrc", Map.of("amplitudeSpectrumInput", true));
        assertEquals(List.of("--amplitude-spectrum-input"), Files.readAllLines(dir.resolve("args.txt")));
    }

    @Test
    void aFailingCtffindFailsTheItemWithItsOutput(@TempDir Path dir) throws Exception {
        ItemResult result = run(dir, "bad.mrc", Map.of());
        assertEquals(ItemResult.Kind.FAILED, result.kind());
        assertTrue(result.reason().contains("status 3") && result.reason().contains("cannot read"), result.reason());
    }
}
