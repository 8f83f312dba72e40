package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scipionj.image.Frame;
import org.scipionj.simulator.CtfTruth;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.MovieSimulator;

/**
 * The native estimate on micrographs of the acquisition simulator (small preset: 1024², 1 Å/px, particles in ice,
 * Poisson noise at 48 e/Å², no motion), against its ground truth. The falcon4 figures are in {@code bench ctffind}.
 */
class SimulatorTest {

    @ParameterizedTest
    @ValueSource(ints = {2})
    void smallPresetMicrographs(int index) throws Exception {
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).seed(1001).frames(1).dosePerFrame_ePerA2(48)
                .drift_px(0).localMotion_px(0).gain(false).format(OutputFormat.MRC_FLOAT32).defocus_um(0.5, 3.0)
                .astigmatism_A(1500).build();
        MovieSimulator simulator = new MovieSimulator(o);
        MovieTruth truth = simulator.plan(index, "mic.mrc", "2026-01-01T00:00:00Z", null, null);
        Frame mic = new Frame(o.width(), o.height());
        simulator.render(truth, (t, counts) -> System.arraycopy(counts, 0, mic.data(), 0, counts.length));
        Microscope optics = new Microscope(o.voltage_kV(), o.sphericalAberration_mm(), o.amplitudeContrast());
        CtfEstimate e;
        try (Workers workers = new Workers(2)) {
            e = CtfEstimator.ofMicrograph(mic, o.pixelSize_A(), optics, SearchSettings.DEFAULT, workers);
        }
        CtfTruth t = truth.ctf();
        CtfParameters p = e.parameters();
        double mean = (t.defocusU_A() + t.defocusV_A()) / 2;
        String what = p + " against " + t;
        assertEquals(mean, p.mean_A(), 0.01 * mean, what);
        assertEquals(t.defocusU_A() - t.defocusV_A(), p.astigmatism_A(), 200, what);
        if (t.defocusU_A() - t.defocusV_A() >= 500) {
            assertTrue(CtfEstimatorTest.angleError(p.angle_deg(), t.defocusAngle_deg()) < 10, what);
        }
        assertTrue(e.diagnostics().ringsFitted(), what);
    }
}
