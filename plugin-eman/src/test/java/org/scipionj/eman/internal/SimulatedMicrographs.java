package org.scipionj.eman.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.Frame;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Particle;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.MovieSimulator;

/**
 * Micrographs rendered by the acquisition simulator as the sum of a perfectly motion-corrected movie: one frame
 * holding the whole dose (a sum of Poisson counts is Poisson), no drift, no gain; with the true particle centres.
 */
final class SimulatedMicrographs {

    /** A micrograph and its truth. */
    record Sample(Frame image, List<double[]> centres, double diameter_px, MovieTruth truth) {
    }

    private SimulatedMicrographs() {
    }

    /** Defaults of {@code preset} (total dose kept) on a {@code size x size} frame, particles of {@code diameterA}. */
    static SimulationOptions.Builder options(Preset preset, int size, double diameterA) {
        return SimulationOptions.builder(preset).width(size).height(size).frames(1)
                .dosePerFrame_ePerA2(preset.dosePerFrame_ePerA2() * preset.frames()).drift_px(0).localMotion_px(0)
                .gain(false).particleDiameter_A(diameterA);
    }

    static Sample render(SimulationOptions options, int index) throws java.io.IOException {
        MovieSimulator sim = new MovieSimulator(options);
        MovieTruth truth = sim.plan(index, "mic.mrc", "2026-01-01T00:00:00Z", null, null);
        Frame image = new Frame(options.width(), options.height());
        sim.render(truth, (t, counts) -> System.arraycopy(counts, 0, image.data(), 0, counts.length));
        List<double[]> centres = new ArrayList<>();
        for (Particle p : truth.particles().centres()) {
            centres.add(new double[] {p.x_px(), p.y_px()});
        }
        return new Sample(image, centres, truth.particles().diameter_px(), truth);
    }
}
