package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.protocol.Poll;

class MonitorRunTest {

    @TempDir
    Path dir;

    private static CtfModel ctf(long id, double u, double v, double res) {
        return new CtfModel(id, "/m" + id + ".mrc", u, v, 0, 0, res, 0.5, null, Map.of());
    }

    private Map<String, Object> params(double monitorMinutes) {
        Map<String, Object> p = new HashMap<>();
        p.put("inputProtocols", List.of(4L));
        p.put("samplingInterval", java.time.Duration.ofSeconds(60));
        p.put("monitorTime", monitorMinutes);
        p.put("maxDefocus", 40000.0);
        p.put("minDefocus", 1000.0);
        p.put("astigmatism", 1000.0);
        return p;
    }

    private JsonNode report(FakeMonitorContext ctx) throws Exception {
        return new ObjectMapper().readTree(ctx.run().outputDir().resolve("report/report.json").toFile());
    }

    @Test
    void ctfAlertsAndARestartedMonitorKeepsItsHistory() throws Exception {
        FakeMonitorContext ctx = new FakeMonitorContext(dir);
        ctx.addRun(4, "outputCTF", Map.of());
        ctx.types.put("4.outputCTF", "CtfModel");
        ctx.sets.get("4.outputCTF").addAll(List.of(ctf(1, 20000, 19800, 4), ctf(2, 21000, 20900, 5),
                ctf(3, 22000, 20000, 4.5)));
        MonitorRun monitor = new MonitorRun(ctx.runContext(9, params(30000)), EnumSet.of(Section.CTF), List.of());
        Poll poll = monitor.sample(ctx);
        assertFalse(poll.done());
        assertEquals(60, poll.delay().toSeconds());
        JsonNode r = report(ctx);
        assertEquals(3, r.path("ctf").path("count").asInt());
        assertEquals("ctf.astigmatism", r.path("alerts").get(0).path("key").asText(), "2000 Å > 1000 Å");
        assertEquals(3, ctx.series("ctf@4.outputCTF").size());

        MonitorRun restarted = new MonitorRun(ctx.runContext(9, params(30000)), EnumSet.of(Section.CTF), List.of());
        restarted.sample(ctx);
        assertEquals(3, report(ctx).path("ctf").path("count").asInt(), "history reloaded, nothing read twice");
        assertEquals(3, ctx.series("ctf@4.outputCTF").size());
        ctx.sets.get("4.outputCTF").add(ctf(4, 500, 450, 4));
        restarted.sample(ctx);
        r = report(ctx);
        assertEquals(4, r.path("ctf").path("count").asInt());
        assertEquals(2, r.path("alerts").size(), "astigmatism closed, defocus below minDefocus opened");
        assertEquals("ctf.defocus.low", r.path("alerts").get(1).path("key").asText());
        assertTrue(r.path("alerts").get(0).path("closedMillis").asLong() > 0);
    }

    @Test
    void endsWhenTheWatchedRunsEndOrAfterMonitorTime() throws Exception {
        FakeMonitorContext ctx = new FakeMonitorContext(dir);
        ctx.addRun(4, "outputCTF", Map.of());
        MonitorRun monitor = new MonitorRun(ctx.runContext(9, params(30000)), EnumSet.of(Section.RUNS), List.of());
        assertFalse(monitor.sample(ctx).done());
        assertTrue(java.nio.file.Files.readString(ctx.run().outputDir().resolve("report/index.html"))
                .contains("http-equiv=\"refresh\" content=\"60\""));
        ctx.statuses.put(4L, RunStatus.FINISHED);
        assertTrue(monitor.sample(ctx).done());
        assertFalse(java.nio.file.Files.readString(ctx.run().outputDir().resolve("report/index.html"))
                .contains("refresh"), "the final page stays");
        assertEquals("every watched run has ended", report(ctx).path("project").path("finishedBecause").asText());

        FakeMonitorContext ctx2 = new FakeMonitorContext(dir.resolve("two"));
        ctx2.addRun(4, "outputCTF", Map.of());
        MonitorRun timed = new MonitorRun(ctx2.runContext(9, params(0.0005)), EnumSet.of(Section.RUNS), List.of());
        assertFalse(timed.sample(ctx2).done());
        Thread.sleep(60);
        assertTrue(timed.sample(ctx2).done(), "after monitorTime (30 ms)");
    }

    @Test
    void noNewMovieForAWhileIsOneIncident() throws Exception {
        FakeMonitorContext ctx = new FakeMonitorContext(dir);
        ctx.addRun(2, "outputMovies", Map.of());
        Map<String, Object> p = params(30000);
        p.put("inputProtocols", List.of(2L));
        p.put("noMovieAlert", java.time.Duration.ofMillis(50));
        List<String> sent = new java.util.ArrayList<>();
        Notifier n = new Notifier() {
            public String name() {
                return "test";
            }

            public void send(String project, Alert alert) {
                sent.add(alert.key());
            }
        };
        MonitorRun monitor = new MonitorRun(ctx.runContext(9, p), EnumSet.of(Section.RUNS), List.of(n));
        monitor.sample(ctx);
        assertEquals(List.of(), sent);
        Thread.sleep(80);
        monitor.sample(ctx);
        monitor.sample(ctx);
        assertEquals(List.of("acquisition.2.quiet"), sent, "once per incident, not per sample");
        ctx.sets.get("2.outputMovies").add(new org.scipionj.api.item.Movie(1, "/m.mrc", 8, 8, 2, 1, 1, 0, null,
                null, null, Map.of()));
        monitor.sample(ctx);
        assertTrue(report(ctx).path("alerts").get(0).path("closedMillis").asLong() > 0, "a new movie closes it");
    }

    @Test
    void astigmatismBelowOneIsAFractionOfTheDefocus() {
        assertEquals(4000, MonitorRun.astigmatismLimit(0.2, 20000), 1e-9);
        assertEquals(1000, MonitorRun.astigmatismLimit(1000, 20000), 1e-9);
    }
}
