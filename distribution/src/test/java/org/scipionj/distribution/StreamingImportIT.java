package org.scipionj.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.scipionj.api.item.Movie;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;
import org.scipionj.api.stream.StreamingSet;

/**
 * The assembled runtime imports movies in streaming while the test writes them: quick files, and one file
 * written slowly over several seconds, which must be imported once and complete.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StreamingImportIT {

    @Inject
    BundleContext context;

    @Inject
    ProjectService projects;

    @Configuration
    public Option[] config() {
        return ScipionRuntime.options();
    }

    @Test
    public void importsFilesWrittenDuringTheTestIncludingASlowOneOnce() throws Exception {
        Path data = Paths.get(context.getProperty(ScipionRuntime.USER_DATA)).resolve("microscope");
        Files.createDirectories(data);
        TestMovies.write(data.resolve("early_001.mrc"), 32, 4, 0);
        try (Project p = projects.create("stream", TestMovies.workflow(data, "*.mrc", 2, 3600), "test")) {
            p.schedule();
            Session session = p.start();
            StreamingSet<?> movies = awaitSet(p, "2.outputMovies");
            awaitSize(movies, 1);

            // the slow file grows frame by frame for ~4 s; quick files land meanwhile
            Path slow = data.resolve("slow_002.mrc");
            Thread writer = new Thread(() -> {
                try {
                    TestMovies.write(slow, 64, 16, 250);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            for (int i = 3; i <= 5; i++) {
                TestMovies.write(data.resolve(String.format("quick_%03d.mrc", i)), 32, 4, 0);
                Thread.sleep(400);
            }
            awaitSize(movies, 4);
            assertEquals("the slow file is not imported while it grows", -1, indexOf(movies, "slow_002.mrc"));
            writer.join();
            long writtenAt = System.currentTimeMillis();
            awaitSize(movies, 5);
            assertTrue("imported only once it had been stable for fileTimeout",
                    System.currentTimeMillis() - writtenAt >= 1500);

            p.requestCloseStream(2);
            assertTrue(session.awaitEnd(Duration.ofSeconds(30)));
            assertEquals(SetState.CLOSED, movies.state());
            assertEquals(5, movies.size());
            Map<String, Integer> seen = new HashMap<>();
            for (Entry<?> e : movies.read(0, 100)) {
                Movie m = (Movie) e.item();
                seen.merge(Paths.get(m.file()).getFileName().toString(), 1, Integer::sum);
                if (m.file().endsWith("slow_002.mrc")) {
                    assertEquals("the slow movie is complete", 16, m.frames());
                    assertEquals(64, m.width_px());
                }
            }
            assertEquals(5, seen.size());
            assertTrue("each file once: " + seen, seen.values().stream().allMatch(n -> n == 1));
            RunInfo run = p.run(2).orElseThrow();
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(5, run.done());
            assertTrue(run.bundle(), run.bundle().startsWith("org.scipionj.importer "));
        }
    }

    @Test
    public void protocolsComeAndGoWithTheirBundleWithoutRestart() throws Exception {
        ServiceReference<ProtocolRegistry> ref = context.getServiceReference(ProtocolRegistry.class);
        ProtocolRegistry registry = context.getService(ref);
        Bundle importer = Arrays.stream(context.getBundles())
                .filter(b -> "org.scipionj.importer".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertTrue(registry.find("ProtImportMovies").isPresent());
        importer.stop();
        try {
            assertFalse("gone with its bundle", registry.find("ProtImportMovies").isPresent());
        } finally {
            importer.start();
        }
        assertTrue("back without a restart", registry.find("ProtImportMovies").isPresent());
        context.ungetService(ref);
    }

    @Test
    public void gogoCommandsAreRegisteredInScopeScipion() throws Exception {
        List<String> functions = new ArrayList<>();
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(osgi.command.scope=scipion)")) {
            Object f = ref.getProperty("osgi.command.function");
            if (f instanceof String[] names) {
                functions.addAll(List.of(names));
            } else if (f != null) {
                functions.add(f.toString());
            }
        }
        assertTrue(functions.toString(), functions.containsAll(List.of("projects", "runs", "protocols", "status")));
    }

    private static int indexOf(StreamingSet<?> set, String fileName) {
        List<? extends Entry<?>> entries = set.read(0, 1000);
        for (int i = 0; i < entries.size(); i++) {
            if (((Movie) entries.get(i).item()).file().endsWith(fileName)) {
                return i;
            }
        }
        return -1;
    }

    private static StreamingSet<?> awaitSet(Project p, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var set = p.set(name);
            if (set.isPresent()) {
                return set.get();
            }
            Thread.sleep(50); // NB: the set appears when the run starts; nothing to wait on before that
        }
        throw new AssertionError("output " + name + " never appeared; runs: " + p.runs());
    }

    private static void awaitSize(StreamingSet<?> set, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (set.size() < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(set.name() + " has " + set.size() + " items, expected " + n);
            }
            set.awaitAfter(set.size(), Duration.ofMillis(500));
        }
    }
}
