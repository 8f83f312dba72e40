package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;

/** The native estimate on small analytic micrographs with a known CTF (the accuracy figures are in CtfBenchmark). */
class CtfEstimatorTest {

    private static final Microscope OPTICS = new Microscope(300, 2.7, 0.1);
    private static final Workers WORKERS = new Workers(2);

    @AfterAll
    static void close() {
        WORKERS.close();
    }

    /** CTFFIND's defaults with a 256 px spectrum, which keeps these tests fast. */
    private static final SearchSettings SMALL = SearchSettings.DEFAULT.withBox(256);

    private static CtfEstimate estimate(CtfParameters truth, double bFactor, double noise, SearchSettings s) {
        Frame mic = SyntheticMicrographs.render(1024, 1.0, OPTICS, truth, bFactor, noise, 11);
        return CtfEstimator.ofMicrograph(mic, 1.0, OPTICS, s, WORKERS);
    }

    static double angleError(double a, double b) {
        double d = Math.abs(a - b) % 180;
        return Math.min(d, 180 - d);
    }

    @Test
    void findsAstigmatismAndItsAngle() {
        CtfParameters truth = CtfParameters.ofUV(15500, 14500, 30, 0);
        CtfEstimate e = estimate(truth, 80, 2, SearchSettings.DEFAULT);
        CtfParameters p = e.parameters();
        assertEquals(truth.mean_A(), p.mean_A(), 0.005 * truth.mean_A(), p.toString());
        assertEquals(1000, p.astigmatism_A(), 100, p.toString());
        assertTrue(angleError(p.angle_deg(), 30) < 3, p.toString());
        assertTrue(p.defocusU_A() >= p.defocusV_A());
        assertTrue(e.diagnostics().ringsFitted());
        assertTrue(e.score() > 0.2, "score " + e.score());
    }

    @Test
    void findsNoAstigmatismWhereThereIsNone() {
        CtfParameters truth = CtfParameters.ofUV(8000, 8000, 0, 0);
        CtfParameters p = estimate(truth, 80, 2, SMALL).parameters();
        assertEquals(8000, p.mean_A(), 40, p.toString());
        assertTrue(p.astigmatism_A() < 150, p.toString());
    }

    @Test
    void findsThePhaseShiftWhenAsked() {
        CtfParameters truth = CtfParameters.ofUV(10300, 9700, 120, 70);
        SearchSettings s = SMALL.withPhaseShift(true, 0, 180, 10);
        CtfParameters p = estimate(truth, 80, 2, s).parameters();
        assertEquals(truth.mean_A(), p.mean_A(), 0.01 * truth.mean_A(), p.toString());
        assertEquals(70, p.phaseShift_deg(), 8, p.toString());
    }

    @Test
    void theSlowSearchFindsTheSameAnswer() {
        CtfParameters truth = CtfParameters.ofUV(13000, 12000, 140, 0);
        SearchSettings s = SMALL.withSlowSearch(true).withDefocusRange(10000, 16000, 500);
        CtfParameters p = estimate(truth, 80, 2, s).parameters();
        assertEquals(truth.mean_A(), p.mean_A(), 0.005 * truth.mean_A(), p.toString());
        assertEquals(1000, p.astigmatism_A(), 150, p.toString());
        assertTrue(angleError(p.angle_deg(), 140) < 5, p.toString());
    }

    @Test
    void fitResolutionFollowsTheBFactor() {
        CtfParameters truth = CtfParameters.ofUV(12000, 11800, 60, 0);
        double sharp = estimate(truth, 40, 2, SMALL).resolution_A();
        double blurred = estimate(truth, 250, 2, SMALL).resolution_A();
        assertTrue(sharp < blurred, "B 40: " + sharp + " Å, B 250: " + blurred + " Å");
    }

    @Test
    void noiseHasNoThonRings() {
        CtfEstimate e = estimate(CtfParameters.ofUV(12000, 12000, 0, 0), 80, 1000, SMALL);
        assertFalse(e.diagnostics().ringsFitted(), "score " + e.score() + ", " + e.resolution_A() + " Å");
    }

    @Test
    void aConstantImageCannotBeFitted() {
        Frame flat = new Frame(512, 512);
        java.util.Arrays.fill(flat.data(), 3f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CtfEstimator.ofMicrograph(flat, 1.0, OPTICS, SearchSettings.DEFAULT, WORKERS));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }
}
