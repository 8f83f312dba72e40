package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scipionj.image.ctf.ElectronOptics;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Particle;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/** Particle centres in the truth are where the particles' projected density is, apart and inside the frame. */
class ParticleTest {

    @Test
    void centresAreTheCentroidsOfTheProjectedDensity() {
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(512, 384).particles(12)
                .particleDiameter_A(60).pixelSize_A(1.5).build();
        MovieTruth truth = new MovieSimulator(o).plan(1, "m", "t", null, null);
        assertEquals(12, truth.particles().count());
        assertEquals(40, truth.particles().diameter_px(), 1e-12);
        double integral = ElectronOptics.interactionConstant_radPerVA(300) * 1.5 * Math.PI * 60 * 60 * 60 / 6
                / (1.5 * 1.5);
        List<Particle> centres = truth.particles().centres();
        for (int i = 0; i < centres.size(); i++) {
            Particle p = centres.get(i);
            // NB: each particle alone, drawn from its own stream exactly as Specimen.phase draws it
            float[] phase = new float[512 * 384];
            Specimen.addParticle(phase, 512, 384, p.x_px(), p.y_px(), 40, integral, Physics.DEFAULT.blobsPerParticle(),
                    Seeds.random(truth.seed(), Seeds.PARTICLES, i + 1));
            double sum = 0;
            double sx = 0;
            double sy = 0;
            for (int y = 0; y < 384; y++) {
                for (int x = 0; x < 512; x++) {
                    double v = phase[y * 512 + x];
                    sum += v;
                    sx += v * x;
                    sy += v * y;
                }
            }
            assertEquals(p.x_px(), sx / sum, 0.02, "centroid x of " + p);
            assertEquals(p.y_px(), sy / sum, 0.02, "centroid y of " + p);
            assertEquals(integral, sum, 0.01 * integral, "integrated phase of a protein sphere");
        }
        // and Specimen.phase is the sum of exactly these particles (no ice here)
        List<double[]> xy = new ArrayList<>();
        centres.forEach(p -> xy.add(new double[] {p.x_px(), p.y_px()}));
        float[] all = Specimen.phase(512, 384, 1.5, 300, xy, 40, truth.seed(), Physics.DEFAULT.withIce(0, 0));
        double total = 0;
        for (float v : all) {
            total += v;
        }
        assertEquals(12 * integral, total, 0.01 * 12 * integral);
    }

    @Test
    void particlesDoNotOverlapAndStayAwayFromTheBorders() {
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(600, 500).particleDiameter_A(50).drift_px(8)
                .build();
        MovieTruth truth = new MovieSimulator(o).plan(3, "m", "t", null, null);
        List<Particle> c = truth.particles().centres();
        assertTrue(c.size() > 10, "auto count fills about a quarter of the frame: " + c.size());
        double[] sx = truth.motion().shiftX_px();
        double[] sy = truth.motion().shiftY_px();
        double maxShift = 0;
        for (int t = 0; t < sx.length; t++) {
            maxShift = Math.max(maxShift, Math.hypot(sx[t], sy[t]));
        }
        double margin = 25 + maxShift;
        for (int i = 0; i < c.size(); i++) {
            Particle p = c.get(i);
            assertTrue(p.x_px() >= margin && p.x_px() <= 600 - margin && p.y_px() >= margin
                    && p.y_px() <= 500 - margin, "inside the margin: " + p);
            for (int j = 0; j < i; j++) {
                double d = Math.hypot(p.x_px() - c.get(j).x_px(), p.y_px() - c.get(j).y_px());
                assertTrue(d >= 1.05 * 50, "particles " + i + " and " + j + " are " + d + " px apart");
            }
        }
    }

    @Test
    void aFullFrameGetsFewerParticlesThanAsked() {
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(200, 200).particles(500)
                .particleDiameter_A(40).drift_px(0).localMotion_px(0).build();
        MovieTruth truth = new MovieSimulator(o).plan(1, "m", "t", null, null);
        assertTrue(truth.particles().count() < 30 && truth.particles().count() > 5, "" + truth.particles().count());
        assertEquals(truth.particles().count(), truth.particles().centres().size());
    }
}
