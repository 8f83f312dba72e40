package org.scipionj.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.Session;

/**
 * Each processed item records the bundle (name and version) whose code processed it, and a plugin updated while
 * a run streams shows in {@link Project#processedBy}: the running run stops using the old code and resumes with
 * the installed version, without a restart; committed items are not redone.
 */
class ProvenanceTest {

    @TempDir
    Path userData;

    @Test
    void aPluginUpdatedMidSessionIsVisiblePerItem() throws Exception {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        TestProtocols.QueueSource source = new TestProtocols.QueueSource();
        TestProtocols.Align old = new TestProtocols.Align();
        registry.add(source, "org.test.import 1.0.0");
        registry.add(old, "org.test.align 1.0.0");
        DefaultProjectService projects = new DefaultProjectService(userData, registry, 2);
        try (Project p = projects.create("prov", EngineTest.WORKFLOW.formatted(1), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b"));
            assertTrue(EngineTest.awaitSize(EngineTest.awaitSet(p, "5.outputMicrographs"), 2));

            registry.remove(old); // NB: uninstall 1.0.0, install 1.1.0, while the run goes on
            registry.add(new TestProtocols.Align(), "org.test.align 1.1.0");
            Path log = p.dir().resolve("Runs/000005_ProtTestAlign/logs/run.log");
            long deadline = System.currentTimeMillis() + 20_000;
            while (!(Files.exists(log) && Files.readString(log).contains("resumes with the installed version"))) {
                assertTrue(System.currentTimeMillis() < deadline, "the run never noticed the update");
                Thread.sleep(20);
            }
            source.feed.addAll(List.of("c", "d", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(20)));

            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("org.test.align 1.0.0", 2L);
            expected.put("org.test.align 1.1.0", 2L);
            assertEquals(expected, p.processedBy(5));
            assertEquals("org.test.align 1.1.0", p.run(5).orElseThrow().bundle());
            assertEquals(Map.of("org.test.import 1.0.0", 4L), p.processedBy(2));
            assertEquals(org.scipionj.api.project.RunStatus.FINISHED, p.run(5).orElseThrow().status());
            assertEquals(4, p.set("5.outputMicrographs").orElseThrow().size(), "nothing done twice");
        }
    }
}
