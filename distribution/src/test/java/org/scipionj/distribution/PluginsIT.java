package org.scipionj.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.StreamingSet;

/**
 * Plugins in the running runtime (no plugin installed at boot): installed live from the distribution's
 * repository through the Gogo {@code installp} command, used by a project, uninstalled live with finished
 * results still readable; a bundle that does not resolve is refused and the runtime stays as it was.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class PluginsIT {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    BundleContext context;

    @Inject
    ProjectService projects;

    @Inject
    ProtocolRegistry registry;

    @Inject
    CommandProcessor gogo;

    @Configuration
    public Option[] config() {
        return ScipionRuntime.coreOptions(ScipionRuntime.freshUserData());
    }

    private String shell(String line) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = gogo.createSession(InputStream.nullInputStream(), out, out)) {
            Object result = session.execute(line);
            return buffer.toString(StandardCharsets.UTF_8) + (result == null ? "" : session.format(result, Converter.INSPECT));
        }
    }

    private boolean installed(String protocol) {
        return registry.find(protocol).isPresent();
    }

    private void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    public void installRunUninstallWithoutRestart() throws Exception {
        Path userData = Paths.get(context.getProperty(ScipionRuntime.USER_DATA));
        assertFalse("motioncorr is not installed at boot", installed("ProtMotionCorr"));
        long frameworkStart = context.getBundle(0).getLastModified();

        String reply = shell("scipion:installp -p motioncorr");
        assertTrue(reply, reply.startsWith("Installed motioncorr 1.0.0 (org.scipionj.motioncorr 1.0.0."));
        assertTrue(reply, installed("ProtMotionCorr")); // NB: started synchronously by the command
        assertTrue(Files.isRegularFile(userData.resolve("plugins/plugins.json")));
        assertTrue(shell("scipion:plugins"), shell("scipion:plugins").contains("ACTIVE"));

        Path movies = userData.resolve("movies");
        for (int i = 1; i <= 2; i++) {
            PluginWorkflows.noisyMrc(movies.resolve("movie_" + i + ".mrc"), 64, 4, i);
        }
        try (Project p = projects.create("live", PluginWorkflows.motionCorrWorkflow(movies, 3), "test")) {
            p.schedule();
            Session session = p.start();
            assertTrue("the project ends", session.awaitEnd(TIMEOUT));
            RunInfo align = p.run(2).orElseThrow();
            assertEquals(p.runs().toString(), RunStatus.FINISHED, align.status());
            assertEquals(p.runs().toString(), 2, align.done());
            assertTrue(align.bundle(), align.bundle().startsWith("org.scipionj.motioncorr 1.0.0."));
        }

        reply = shell("scipion:uninstallp -p motioncorr");
        assertTrue(reply, reply.startsWith("Uninstalled motioncorr 1.0.0"));
        assertFalse("its protocol left the registry", installed("ProtMotionCorr"));
        assertTrue(Stream.of(context.getBundles()).noneMatch(b -> "org.scipionj.motioncorr".equals(b.getSymbolicName())));
        try (Project p = projects.open("live")) {
            RunInfo align = p.run(2).orElseThrow();
            assertEquals(RunStatus.FINISHED, align.status());
            String output = align.outputs().stream().filter(o -> o.size() == 2).findFirst().orElseThrow(
                    () -> new AssertionError("no output of 2 micrographs: " + align.outputs())).name();
            StreamingSet<?> micrographs = p.set(output).orElseThrow();
            assertEquals(2, micrographs.read(0, 10).size()); // NB: finished results stay readable
        }
        assertEquals("the framework was not restarted", frameworkStart, context.getBundle(0).getLastModified());
    }

    @Test
    public void aBundleThatDoesNotResolveIsRefusedAndTheRuntimeStaysAsItWas() throws Exception {
        Path userData = Paths.get(context.getProperty(ScipionRuntime.USER_DATA));
        Path jar = PluginWorkflows.manifestOnlyBundle(userData.resolve("future-plugin.jar"), Map.of(
                "Bundle-SymbolicName", "org.example.future", "Bundle-Version", "1.0.0",
                "Import-Package", "org.scipionj.api.protocol;version=\"[2.0,3)\",org.example.missing"));
        List<String> before = bundles();

        String reply = shell("scipion:installp --file " + jar);

        assertTrue(reply, reply.contains("refused, nothing was installed"));
        assertTrue(reply, reply.contains("org.example.future 1.0.0 does not resolve: missing package "
                + "org.example.missing (no bundle exports it); package org.scipionj.api.protocol version "
                + "[2.0.0,3.0.0) (this runtime exports version 1.0.0)"));
        assertEquals(before, bundles());
        assertTrue(shell("scipion:plugins"), shell("scipion:plugins").startsWith("no plugins installed"));
        try (Stream<Path> files = Files.list(Files.createDirectories(userData.resolve("plugins")))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".jar")));
        }
    }

    @Test
    public void anUpgradeWhileARunStreamsIsLiveAndShowsInTheProvenance() throws Exception {
        Path userData = Paths.get(context.getProperty(ScipionRuntime.USER_DATA));
        assertTrue(shell("scipion:installp -p motioncorr").startsWith("Installed motioncorr 1.0.0"));
        String oldBundle = registry.providerOf(registry.find("ProtMotionCorr").orElseThrow());
        Path movies = userData.resolve("movies-upgrade"); // NB: the user data is shared by the tests of this class
        PluginWorkflows.noisyMrc(movies.resolve("movie_1.mrc"), 64, 4, 1);
        try (Project p = projects.create("upgrade", PluginWorkflows.motionCorrWorkflow(movies, 600), "test")) {
            p.schedule();
            Session session = p.start();
            await("movie 1 aligned", () -> p.run(2).orElseThrow().done() == 1);

            // a repository with motioncorr 1.0.1: the bundled jar with a newer Bundle-Version
            Path repo = Files.createDirectories(userData.resolve("repo-next"));
            Path jar = PluginWorkflows.withVersion(ScipionRuntime.repositoryJars().stream()
                    .filter(j -> j.getFileName().toString().contains("motioncorr")).findFirst().orElseThrow(),
                    repo.resolve("motioncorr-1.0.1.jar"), "1.0.1");
            PluginWorkflows.index(repo, "motioncorr", "1.0.1", jar);
            String reply = shell("scipion:installp -p motioncorr --repo " + repo);
            assertTrue(reply, reply.startsWith("Upgraded motioncorr 1.0.0 -> 1.0.1 (org.scipionj.motioncorr 1.0.1)"));

            Path log = p.dir().resolve("Runs/000002_ProtMotionCorr/logs/run.log");
            await("the run follows the upgrade", () -> read(log).contains("resumes with the installed version"));
            PluginWorkflows.noisyMrc(movies.resolve("movie_2.mrc"), 64, 4, 2);
            await("movie 2 aligned", () -> p.run(2).orElseThrow().done() == 2);
            p.requestCloseStream(1);
            assertTrue("the project ends", session.awaitEnd(TIMEOUT));

            Map<String, Long> expected = new java.util.LinkedHashMap<>();
            expected.put(oldBundle, 1L);
            expected.put("org.scipionj.motioncorr 1.0.1", 1L);
            assertEquals(expected, p.processedBy(2));
            assertEquals(RunStatus.FINISHED, p.run(2).orElseThrow().status());
        } finally {
            shell("scipion:uninstallp -p motioncorr"); // NB: the next test starts without plugins
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private List<String> bundles() {
        return Stream.of(context.getBundles()).map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + state(b))
                .sorted().toList();
    }

    private static String state(Bundle b) {
        return b.getState() == Bundle.ACTIVE ? "ACTIVE" : String.valueOf(b.getState());
    }
}
