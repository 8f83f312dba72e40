package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/** The gain: raw counts follow the sensitivity, the reference flattens them, defects are dead or hot and listed. */
class DetectorTest {

    private static final int SIZE = 128;
    private static final double DOSE = 20;
    private static final int FRAMES = 12;

    @Test
    void gainReferenceFlattensTheRawFrames() throws Exception {
        Physics physics = Physics.DEFAULT.withIce(0, 0).withDefects(2e-3, 1e-3);
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(SIZE, SIZE).frames(FRAMES)
                .dosePerFrame_ePerA2(DOSE).gain(true).particles(0).drift_px(0).localMotion_px(0)
                .format(OutputFormat.MRC_FLOAT32).build();
        Rendered movie = Rendered.of(o, physics, 1);
        Detector detector = movie.simulator().detector();
        float[] gain = movie.simulator().gainReference();
        double[] mean = new double[SIZE * SIZE];
        for (Frame f : movie.frames()) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += f.data()[i] / FRAMES;
            }
        }
        Set<Integer> dead = new HashSet<>();
        Arrays.stream(detector.deadPixels()).forEach(dead::add);
        Set<Integer> hot = new HashSet<>();
        Arrays.stream(detector.hotPixels()).forEach(hot::add);
        assertEquals(Math.round(2e-3 * SIZE * SIZE), dead.size());
        assertEquals(Math.round(1e-3 * SIZE * SIZE), hot.size());

        double rawVar = 0;
        double corrVar = 0;
        int n = 0;
        for (int i = 0; i < mean.length; i++) {
            if (dead.contains(i)) {
                assertEquals(0, mean[i], "dead pixel " + i);
                assertEquals(0, gain[i], "the reference is 0 at dead pixel " + i);
                continue;
            }
            if (hot.contains(i)) {
                assertTrue(mean[i] > 5 * DOSE, "hot pixel " + i + ": " + mean[i]);
                continue;
            }
            double s = detector.sensitivity(i);
            assertEquals(1 / s, gain[i], 1e-6 / s);
            rawVar += Math.pow(mean[i] / DOSE - 1, 2);
            corrVar += Math.pow(mean[i] * gain[i] / DOSE - 1, 2);
            n++;
        }
        double raw = Math.sqrt(rawVar / n);
        double corrected = Math.sqrt(corrVar / n);
        double shot = 1 / Math.sqrt(DOSE * FRAMES); // relative Poisson noise of the mean
        assertTrue(raw > 0.03, "the raw frames show the sensitivity pattern: " + raw);
        assertEquals(shot, corrected, 0.1 * shot, "corrected frames are flat up to the counting noise");
    }

    @Test
    void defectListNamesEveryDeadAndHotPixel() {
        Detector d = Detector.simulate(100, 80, 9, Physics.DEFAULT.withDefects(1e-3, 5e-4));
        String[] lines = d.defectList().split("\n");
        assertEquals(d.deadPixels().length + d.hotPixels().length, lines.length);
        Set<String> listed = new HashSet<>(Arrays.asList(lines));
        for (int i : d.deadPixels()) {
            assertTrue(listed.contains((i % 100) + " " + (i / 100) + " 1 1"), "dead " + i);
        }
        for (int i : d.hotPixels()) {
            assertTrue(listed.contains((i % 100) + " " + (i / 100) + " 1 1"), "hot " + i);
        }
    }

    @Test
    void withoutGainEveryPixelIsIdeal() throws Exception {
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(64, 64).frames(1).gain(false).particles(0)
                .build();
        MovieSimulator sim = new MovieSimulator(o);
        assertTrue(sim.detector().isIdeal());
        assertEquals("", sim.defectList());
        for (float g : sim.gainReference()) {
            assertEquals(1f, g);
        }
    }
}
