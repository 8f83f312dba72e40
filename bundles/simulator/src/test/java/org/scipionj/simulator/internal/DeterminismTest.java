package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

class DeterminismTest {

    private static SimulationOptions.Builder small() {
        return SimulationOptions.builder(Preset.SMALL).size(160, 128).frames(3).particleDiameter_A(30)
                .localMotion_px(1);
    }

    @Test
    void sameSeedSameMovieAndTruth() throws Exception {
        Rendered a = Rendered.of(small().seed(11).build());
        Rendered b = Rendered.of(small().seed(11).build());
        TruthFiles json = new TruthFiles();
        assertEquals(json.toJson(a.truth()), json.toJson(b.truth()));
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(a.frame(t).data(), b.frame(t).data(), "frame " + t);
        }
        assertArrayEquals(a.simulator().gainReference(), b.simulator().gainReference());
    }

    @Test
    void otherSeedOtherMovie() throws Exception {
        Rendered a = Rendered.of(small().seed(11).build());
        Rendered b = Rendered.of(small().seed(12).build());
        assertFalse(java.util.Arrays.equals(a.frame(0).data(), b.frame(0).data()));
        assertFalse(a.truth().ctf().equals(b.truth().ctf()));
    }

    @Test
    void aMovieDoesNotDependOnTheCountOrOnTheOthers() throws Exception {
        MovieTruth second = new MovieSimulator(small().count(2).build()).plan(2, "m", "t", null, null);
        MovieTruth sameInLonger = new MovieSimulator(small().count(9).build()).plan(2, "m", "t", null, null);
        assertEquals(second.ctf(), sameInLonger.ctf());
        assertEquals(second.particles(), sameInLonger.particles());
        assertArrayEquals(second.motion().shiftX_px(), sameInLonger.motion().shiftX_px());
    }

    @Test
    void framesDoNotDependOnTheNumberOfThreads() throws Exception {
        SimulationOptions o = small().seed(5).build();
        Rendered parallel = Rendered.of(o);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            // NB: parallel streams started inside a pool run in that pool: here on one thread
            Rendered serial = one.submit(() -> Rendered.of(o)).get();
            for (int t = 0; t < 3; t++) {
                assertArrayEquals(parallel.frame(t).data(), serial.frame(t).data(), "frame " + t);
            }
        } finally {
            one.shutdown();
        }
    }
}
