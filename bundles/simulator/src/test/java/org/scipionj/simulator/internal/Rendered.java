package org.scipionj.simulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.Frame;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.SimulationOptions;

/** Test helper: one movie simulated in memory, with its truth. */
record Rendered(MovieTruth truth, List<Frame> frames, MovieSimulator simulator) {

    static Rendered of(SimulationOptions options, Physics physics, int index) throws IOException {
        MovieSimulator sim = new MovieSimulator(options, physics);
        MovieTruth truth = sim.plan(index, "movie.mrc", "2026-01-01T00:00:00Z", "gain.mrc", "defects.txt");
        List<Frame> frames = new ArrayList<>();
        sim.render(truth, (t, counts) -> frames.add(new Frame(truth.width(), truth.height(), counts.clone())));
        return new Rendered(truth, frames, sim);
    }

    static Rendered of(SimulationOptions options) throws IOException {
        return of(options, Physics.DEFAULT, 1);
    }

    Frame frame(int t) {
        return frames.get(t);
    }
}
