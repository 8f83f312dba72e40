package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scipionj.testing.TestRun;

/** Old grigoriefflab values are recognised, converted as Scipion 1 did, and logged. */
class LegacyValuesTest {

    private static LegacyValues values(Map<String, Object> given) {
        return new LegacyValues(TestRun.of(CistemProtCTFFind.DESCRIPTOR, Path.of("."), given).parameters());
    }

    @Test
    void currentValuesAreKept() {
        LegacyValues v = values(Map.of("lowRes", 50.0, "highRes", 5.0, "minDefocus", 2000.0, "maxDefocus", 40000.0,
                "stepDefocus", 500.0, "astigmatism", 100.0));
        SearchSettings s = v.settingsFor(0.83);
        assertEquals(50, s.lowRes_A());
        assertEquals(5, s.highRes_A());
        assertEquals(2000, s.minDefocus_A());
        assertEquals(40000, s.maxDefocus_A());
        assertEquals(100, s.astigmatismTolerance_A());
        assertEquals(1.4, s.fitPixel_A(0.83), 1e-9);
        assertFalse(v.anyConverted());
        assertTrue(v.notes().isEmpty());
    }

    @Test
    void oldProtCtfFindValuesAreConverted() {
        // NB: scipion-session_aarhus_workflow-streaming.json's ProtCTFFind
        LegacyValues v = values(Map.of("lowRes", 0.03, "highRes", 0.42, "minDefocus", 0.25, "maxDefocus", 4.0,
                "findPhaseShift", true, "minPhaseShift", 0.0, "maxPhaseShift", 3.15, "stepPhaseShift", 0.2,
                "ctfDownFactor", 1.0));
        SearchSettings s = v.settingsFor(1.2);
        assertEquals(40, s.lowRes_A(), 1e-9);
        assertEquals(1.2 / 0.42, s.highRes_A(), 1e-9);
        assertEquals(2500, s.minDefocus_A(), 1e-9);
        assertEquals(40000, s.maxDefocus_A(), 1e-9);
        assertEquals(Math.toDegrees(3.15), s.maxPhaseShift_deg(), 1e-9);
        assertEquals(Math.toDegrees(0.2), s.stepPhaseShift_deg(), 1e-9);
        assertTrue(v.anyConverted());
        assertEquals(3, v.notes().size(), v.notes().toString());
        assertTrue(v.notes().get(0).contains("normalised"), v.notes().get(0));
        assertTrue(v.notes().get(1).contains("40000 Å"), v.notes().get(1));
    }

    @Test
    void theRunLogSaysWhatWasConverted() throws Exception {
        CistemProtCTFFind protocol = new CistemProtCTFFind("");
        TestRun run = TestRun.of(protocol.descriptor(), Path.of("."), Map.of("lowRes", 0.05, "highRes", 0.35,
                "minDefocus", 0.5, "maxDefocus", 4.0));
        protocol.open(run).close();
        assertEquals(2, run.log.size(), run.log.toString());
        assertTrue(run.log.get(0).startsWith("lowRes 0.05 / highRes 0.35: both are normalised frequencies"),
                run.log.get(0));
        assertTrue(run.log.get(1).contains("read as 5000 / 40000 Å"), run.log.get(1));
    }

    @Test
    void theLowLimitIsCappedAt50AndTheDownFactorCounts() {
        // NB: scipion-app_workflow_betagal1.json's ProtCTFFind, on 2x downsampled micrographs
        SearchSettings s = values(Map.of("lowRes", 0.05, "highRes", 0.35, "ctfDownFactor", 2.0)).settingsFor(1.5);
        assertEquals(50, s.lowRes_A(), 1e-9);
        assertEquals(3.0 / 0.35, s.highRes_A(), 1e-9);
        assertEquals(3.0, s.fitPixel_A(1.5), 1e-9);
    }
}
