package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.protocol.MonitorContext.Sample;
import org.scipionj.api.stream.SetState;

class StagesTest {

    static RunInfo run(long id, long done, String input, String output, long size, RunStatus status) {
        return new RunInfo(id, "run" + id, "C" + id, "p" + id, status, done, 0,
                input == null ? Map.of() : Map.of("in", input), Map.of(),
                List.of(new OutputInfo(id + "." + output, "Micrograph", size, SetState.OPEN)), null, null);
    }

    @Test
    void aSlowStageFallsBehindAndTheForecastSaysWhenItFinishes() {
        long now = 10 * 60_000;
        List<Sample> history = new ArrayList<>();
        // import 10/min; align keeps up (10/min); ctf does 2/min, backlog grows
        for (int m = 0; m <= 10; m++) {
            long t = m * 60_000L;
            history.add(new Sample(t, Map.of("done.2", 10.0 * m, "done.3", 10.0 * m - 1, "done.4", 2.0 * m,
                    "backlog.4", 10.0 * m - 1 - 2.0 * m, "backlog.3", 1.0)));
        }
        List<RunInfo> runs = List.of(run(2, 100, null, "outputMovies", 100, RunStatus.RUNNING),
                run(3, 99, "2.outputMovies", "outputMicrographs", 99, RunStatus.RUNNING),
                run(4, 20, "3.outputMicrographs", "outputCTF", 20, RunStatus.RUNNING));
        List<Stages.Stage> stages = Stages.of(runs, List.of(2L, 3L, 4L), history, now, 0.9);
        assertEquals(10.0, Stages.acquisitionRate(stages), 1e-9);
        Stages.Stage align = stages.get(1);
        Stages.Stage ctf = stages.get(2);
        assertEquals(1, align.backlog());
        assertFalse(align.behind());
        assertEquals(79, ctf.backlog());
        assertEquals(2.0, ctf.ratePerMin(), 1e-9);
        assertTrue(ctf.behind());
        assertEquals(80, ctf.pending(), 1e-9, "its backlog plus align's");
        assertEquals(40, ctf.drainMinutes(), 1e-9);
        Map<String, Object> f = Forecasts.of(stages, history, now);
        assertEquals(1, ((List<?>) f.get("warnings")).size());
        assertEquals(10.0, f.get("acquisitionRatePerMin"));
        assertEquals("steady", align.trend());
    }

    @Test
    void ratesNeedTwoSamplesInTheWindow() {
        assertTrue(Double.isNaN(Stages.rate(List.of(), "done.1", 5, 1000, 0)));
        List<Sample> h = List.of(new Sample(0, Map.of("done.1", 0.0)));
        assertEquals(6.0, Stages.rate(h, "done.1", 6, 60_000, 0), 1e-9);
    }
}
