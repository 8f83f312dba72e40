package org.scipionj.eman.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scipionj.simulator.Preset;

class BlobPickerTest {

    @Test
    void picksSimulatedParticles() throws Exception {
        SimulatedMicrographs.Sample s = SimulatedMicrographs.render(
                SimulatedMicrographs.options(Preset.SMALL, 512, 60).seed(3).build(), 1);
        List<Pick> picks = new BlobPicker(PickerSettings.forDiameter(s.diameter_px())).pick(s.image());
        PickingScore score = PickingScore.of(picks, s.centres(), s.diameter_px() / 4);
        System.out.println("small 512 d=60: " + score);
        assertTrue(score.f1() >= 0.9, score.toString());
    }

    /** A dark, noisy patch (ice contamination) attracts picks unless contamination exclusion is on. */
    @Test
    void contaminationExclusionDropsPicksOnADarkPatch() throws Exception {
        SimulatedMicrographs.Sample s = SimulatedMicrographs.render(
                SimulatedMicrographs.options(Preset.SMALL, 512, 40).seed(3).build(), 1);
        double cx = 300;
        double cy = 200;
        double radius = 70;
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                if (Math.hypot(x - cx, y - cy) < radius) {
                    s.image().set(x, y, (float) (s.image().get(x, y) * 0.3 + 5 * r.nextGaussian()));
                }
            }
        }
        double near = radius + s.diameter_px() / 2;
        List<double[]> clear = new ArrayList<>();
        for (double[] c : s.centres()) {
            if (Math.hypot(c[0] - cx, c[1] - cy) > near) {
                clear.add(c);
            }
        }
        PickerSettings off = PickerSettings.forDiameter(s.diameter_px()).withThreshold(4);
        long without = new BlobPicker(off).pick(s.image()).stream()
                .filter(p -> Math.hypot(p.x() - cx, p.y() - cy) < near).count();
        List<Pick> picks = new BlobPicker(off.withContamination(4)).pick(s.image());
        long with = picks.stream().filter(p -> Math.hypot(p.x() - cx, p.y() - cy) < near).count();
        assertTrue(without >= 3, without + " picks on the patch without exclusion");
        assertTrue(with == 0, with + " picks on the patch with exclusion");
        PickingScore score = PickingScore.of(picks, clear, s.diameter_px() / 4);
        assertTrue(score.f1() >= 0.9, score.toString());
    }
}
