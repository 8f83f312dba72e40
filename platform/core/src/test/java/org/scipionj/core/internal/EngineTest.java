package org.scipionj.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;
import org.scipionj.api.stream.StreamingSet;

class EngineTest {

    static final String WORKFLOW = """
            [
              {"object.className": "TestSource", "object.id": "2", "object.label": "import", "frames": 7},
              {"object.className": "ProtTestAlign", "object.id": "5", "inputMovies": "2.outputMovies",
               "GPUIDs": "0", "numberOfThreads": 1, "streamingBatchSize": %d}
            ]""";

    @TempDir
    Path userData;
    DefaultProtocolRegistry registry;
    TestProtocols.QueueSource source;
    TestProtocols.Align align;
    DefaultProjectService projects;

    @BeforeEach
    void setUp() {
        registry = new DefaultProtocolRegistry();
        source = new TestProtocols.QueueSource();
        align = new TestProtocols.Align();
        registry.add(source, "test 1.0");
        registry.add(align, "test 1.0");
        projects = new DefaultProjectService(userData, registry, 2);
    }

    @Test
    void itemsStreamThroughAndOutputsCloseWhenInputCloses() throws Exception {
        try (Project p = projects.create("p1", WORKFLOW.formatted(1), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "c-fail", "BAD1"));
            StreamingSet<?> mics = awaitSet(p, "5.outputMicrographs");
            assertTrue(awaitSize(mics, 2));
            assertEquals(SetState.OPEN, mics.state());
            source.feed.addAll(List.of("d", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(20)));
            RunInfo imp = p.run(2).orElseThrow();
            RunInfo al = p.run(5).orElseThrow();
            assertEquals(RunStatus.FINISHED, imp.status());
            assertEquals(RunStatus.FINISHED, al.status());
            assertEquals(4, imp.done());
            assertEquals(1, imp.failed());
            assertEquals(3, al.done());
            assertEquals(1, al.failed());
            assertEquals(SetState.CLOSED, mics.state());
            assertEquals(3, mics.size());
            Set<Long> ids = new HashSet<>();
            for (Entry<?> e : mics.read(0, 100)) {
                ids.add(((Micrograph) e.item()).id());
            }
            assertEquals(Set.of(1L, 2L, 4L), ids);
            assertEquals("test 1.0", al.bundle());
        }
    }

    @Test
    void fullBatchesWaitUntilInputCloses() throws Exception {
        try (Project p = projects.create("p2", WORKFLOW.formatted(3), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b"));
            StreamingSet<?> mics = awaitSet(p, "5.outputMicrographs");
            awaitSize(p.set("2.outputMovies").orElseThrow(), 2);
            assertTrue(!awaitSize(mics, 1, 500), "a batch of 3 must not start with 2 items");
            source.feed.add("c");
            assertTrue(awaitSize(mics, 3));
            source.feed.addAll(List.of("d", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(20)));
            assertEquals(4, mics.size(), "the remainder is processed when the input closes");
        }
    }

    @Test
    void stoppedProjectResumesWithoutRedoingItems() throws Exception {
        try (Project p = projects.create("p3", WORKFLOW.formatted(1), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b"));
            awaitSize(awaitSet(p, "5.outputMicrographs"), 2);
            s.stop();
            assertEquals(RunStatus.ABORTED, p.run(2).orElseThrow().status());
            p.schedule();
            Session again = p.start();
            source.feed.addAll(List.of("a", "b", "c", "END"));
            assertTrue(again.awaitEnd(Duration.ofSeconds(20)));
            assertEquals(3, p.set("2.outputMovies").orElseThrow().size(), "a and b are known and not imported twice");
            assertEquals(3, p.set("5.outputMicrographs").orElseThrow().size());
        }
    }

    @Test
    void copiedRunReprocessesSameInputWithNewParameters() throws Exception {
        try (Project p = projects.create("p4", WORKFLOW.formatted(1), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(20)));
            long copy = p.copyRun(5, Map.of("scale", 2.5));
            Session s2 = p.start();
            assertTrue(s2.awaitEnd(Duration.ofSeconds(20)));
            RunInfo c = p.run(copy).orElseThrow();
            assertEquals(RunStatus.FINISHED, c.status());
            Entry<?> first = p.set(copy + ".outputMicrographs").orElseThrow().read(0, 1).get(0);
            assertEquals(2.5, ((Micrograph) first.item()).attributes().get("scale"));
            assertThrows(ScipionException.class, () -> p.copyRun(5, Map.of("nope", 1)));
            assertThrows(ScipionException.class, () -> p.copyRun(5, Map.of("scale", 99)));
        }
    }

    @Test
    void secondaryInputsJoinByExposureAndWaitForTheProducer() throws Exception {
        registry.add(new TestProtocols.Picker(), "test 1.0");
        registry.add(new TestProtocols.Extract(), "test 1.0");
        String wf = """
                [{"object.className": "TestSource", "object.id": "2"},
                 {"object.className": "TestAlign", "object.id": "5", "inputMovies": "2.outputMovies"},
                 {"object.className": "TestPick", "object.id": "6", "inputMicrographs": "5.outputMicrographs"},
                 {"object.className": "TestExtract", "object.id": "7", "inputMicrographs": "5.outputMicrographs",
                  "inputCoordinates": "6.outputCoordinates"}]""";
        try (Project p = projects.create("join", wf, "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "c", "d", "e", "f", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
            Map<Long, Object> particles = new java.util.HashMap<>();
            for (Entry<?> e : p.set("7.outputMicrographs").orElseThrow().read(0, 100)) {
                particles.put(e.item().id(), e.item().attributes().get("particles"));
            }
            assertEquals(Map.of(1L, 1, 2L, 2, 3L, 0, 4L, 1, 5L, 2, 6L, 0), particles,
                    "each micrograph sees all of its coordinates, and none means none");
        }
    }

    @Test
    void monitorsSampleWatchedRunsAndKeepTheirSeries() throws Exception {
        registry.add(new TestProtocols.Watcher(), "test 1.0");
        String wf = """
                [{"object.className": "TestSource", "object.id": "2"},
                 {"object.className": "TestAlign", "object.id": "5", "inputMovies": "2.outputMovies"},
                 {"object.className": "TestMonitor", "object.id": "9", "inputProtocols": ["2", "5", "77"]}]""";
        ScipionException e = assertThrows(ScipionException.class, () -> projects.create("m", wf, "test"));
        assertTrue(e.getMessage().contains("'inputProtocols' names run 77"), e.getMessage());
        try (Project p = projects.create("m", wf.replace(", \"77\"", ""), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "c"));
            awaitSize(awaitSet(p, "5.outputMicrographs"), 3);
            source.feed.add("END");
            assertTrue(s.awaitEnd(Duration.ofSeconds(20)));
            assertEquals(RunStatus.FINISHED, p.run(9).orElseThrow().status());
        }
        var store = new org.scipionj.core.internal.store.ProjectStore(org.scipionj.core.internal.store.Database
                .open(projects.projectsDir().resolve("m/project.sqlite"), false), new org.scipionj.core.internal.store.ItemCodec());
        var series = store.series(9, "progress");
        store.close();
        assertTrue(series.size() >= 2, "samples: " + series);
        assertEquals(6.0, series.get(series.size() - 1).getValue().get("done"), "3 imported + 3 aligned at the end");
    }

    @Test
    void skipUnknownDropsDependentsAndWatchedIds() {
        registry.add(new TestProtocols.Watcher(), "test 1.0");
        String wf = """
                [{"object.className": "TestSource", "object.id": "2"},
                 {"object.className": "ProtGctf", "object.id": "3", "inputMicrographs": "2.outputMovies"},
                 {"object.className": "TestAlign", "object.id": "4", "inputMovies": "3.outputMovies"},
                 {"object.className": "TestAlign", "object.id": "5", "inputMovies": "2.outputMovies",
                  "_prerequisites": "3"},
                 {"object.className": "TestMonitor", "object.id": "9", "inputProtocols": ["2", "3", "4", "5"]}]""";
        try (Project p = projects.create("skip", wf, "test", true)) {
            assertEquals(List.of(2L, 5L, 9L), p.runs().stream().map(r -> r.id()).toList());
            assertEquals(List.of("2", "5"), p.run(9).orElseThrow().params().get("inputProtocols"));
        }
    }

    @Test
    void badWorkflowsAreRejectedWithEveryProblem() {
        ScipionException e = assertThrows(ScipionException.class,
                () -> projects.create("bad", "[{\"object.className\": \"TestSource\",\n \"frames\": }]", "w.json"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(ScipionException.class, () -> projects.create("bad", """
                [{"object.className": "TestSource", "object.id": "2", "frames": "many", "colour": 1},
                 {"object.className": "ProtTestAlign", "object.id": "3", "inputMovies": "9.outputMovies"},
                 {"object.className": "ProtTestAlign", "object.id": "4", "inputMovies": "2.outputThings"},
                 {"object.className": "ProtUnicorn", "object.id": "7"}]""", "w.json"));
        String m = e.getMessage();
        for (String expected : List.of("ProtUnicorn (run 7)", "'colour'", "'frames': 'many' is not a whole number",
                "points to run '9'", "output 'outputThings'")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in: " + m);
        }
        assertTrue(projects.list().isEmpty(), "nothing is created for a bad workflow");
        assertThrows(ScipionException.class, () -> projects.create("no/slash", "[]", "w"));
        projects.create("ok", "[]", "w").close();
        assertThrows(ScipionException.class, () -> projects.create("ok", "[]", "w"));
        assertEquals(List.of("ok"), projects.list());
    }

    static StreamingSet<?> awaitSet(Project p, String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var s = p.set(name);
            if (s.isPresent()) {
                return s.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("set " + name + " never appeared");
    }

    static boolean awaitSize(StreamingSet<?> set, long n) throws InterruptedException {
        return awaitSize(set, n, 20_000);
    }

    static boolean awaitSize(StreamingSet<?> set, long n, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (set.size() < n) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            set.awaitAfter(set.size(), Duration.ofMillis(100));
        }
        return true;
    }
}
