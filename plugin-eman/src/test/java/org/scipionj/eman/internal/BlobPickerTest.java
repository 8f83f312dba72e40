package org.scipionj.eman.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
