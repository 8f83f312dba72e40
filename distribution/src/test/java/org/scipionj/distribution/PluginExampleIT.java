package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The third-party SDK path end to end: {@code examples/plugin-example} is built on its own (a copy, with Maven,
 * offline) against the API jar alone, installed with {@code installp --file}, and its protocol runs in a workflow
 * after an import, with its bundle and version in the provenance.
 */
class PluginExampleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path tmp;

    @Test
    void theExamplePluginBuiltAgainstTheApiAloneInstallsAndRunsInAWorkflow() throws Exception {
        Path dist = ScipionRuntime.distribution();
        Path example = dist.getParent().getParent().getParent().resolve("examples/plugin-example");
        Path build = tmp.resolve("plugin-example");
        copy(example, build);
        Path api = ScipionRuntime.bundleJars().stream()
                .filter(j -> "org.scipionj.api".equals(ScipionRuntime.symbolicName(j))).findFirst().orElseThrow();
        mvn(build, "-o", "-q", "-B", "package", "-Dscipionj.api.jar=" + api);
        Path jar = build.resolve("target/plugin-example-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package wrote " + jar);
        String imports = ScipionRuntime.manifest(jar).getValue("Import-Package");
        assertTrue(imports.contains("org.scipionj.api.protocol;version=\"[1.0,2)\""), imports);
        assertTrue(!imports.contains("org.scipionj.core") && !imports.contains("org.scipionj.image"),
                "the API alone: " + imports);

        Path userData = tmp.resolve("user");
        ScipionProcess.Result installed = ScipionProcess.run(userData, TIMEOUT, "installp", "--file", jar.toString());
        assertEquals(0, installed.exitCode(), installed::toString);
        assertTrue(installed.stdout().contains("Installed org.example.powerspectrum 1.0.0"), installed::toString);

        Path mics = userData.resolve("mics");
        PluginWorkflows.noisyMrc(mics.resolve("mic_1.mrc"), 128, 1, 1);
        PluginWorkflows.noisyMrc(mics.resolve("mic_2.mrc"), 128, 1, 2);
        Path workflow = userData.resolve("workflow.json");
        Files.writeString(workflow, """
                [{"object.className": "ProtImportMicrographs", "object.id": "1", "filesPath": "%s",
                  "filesPattern": "*.mrc", "dataStreaming": true, "fileTimeout": 1, "timeout": 3, "samplingRate": 1.0},
                 {"object.className": "ExampleProtPowerSpectrumStats", "object.id": "2",
                  "inputMicrographs": "1.outputMicrographs", "boxSize": 64}]
                """.formatted(mics));
        ScipionProcess.Result created = ScipionProcess.run(userData, TIMEOUT, "create-project", "name=ps",
                "workflow=" + workflow);
        assertEquals(0, created.exitCode(), created::toString);
        ScipionProcess.Result ran = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=ps", "--foreground");
        assertEquals(0, ran.exitCode(), ran::toString);

        ScipionProcess.Result status = ScipionProcess.run(userData, TIMEOUT, "status", "name=ps", "--json");
        Map<?, ?> run = ((List<?>) new ObjectMapper().readValue(status.stdout(), Map.class).get("runs")).stream()
                .map(Map.class::cast).filter(r -> ((Number) r.get("id")).intValue() == 2).findFirst().orElseThrow();
        assertEquals("finished", run.get("status"), status::toString);
        assertEquals(2, ((Number) run.get("done")).intValue(), status::toString);
        assertEquals("org.example.powerspectrum 1.0.0", run.get("bundle"), status::toString);
        assertEquals(Map.of("org.example.powerspectrum 1.0.0", 2), run.get("processedBy"), status::toString);
        ScipionProcess.Result items = ScipionProcess.run(userData, TIMEOUT, "items", "name=ps",
                "set=2.outputMicrographs", "--json");
        List<?> micrographs = new ObjectMapper().readValue(items.stdout(), List.class);
        assertEquals(2, micrographs.size(), items::toString);
        for (Object m : micrographs) {
            Map<?, ?> attributes = (Map<?, ?>) ((Map<?, ?>) m).get("attributes");
            double ratio = ((Number) attributes.get("psHighLowRatio")).doubleValue();
            assertEquals(1.0, ratio, 0.5, "white noise has a flat spectrum: " + attributes);
            assertTrue(Files.isRegularFile(Paths.get((String) attributes.get("psProfile"))), attributes::toString);
        }
    }

    /** Runs Maven (the one running this build: {@code maven.home}, else {@code mvn} on the PATH) in {@code dir}. */
    private static void mvn(Path dir, String... args) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        List<String> command = new ArrayList<>();
        command.add(home != null && Files.isExecutable(Paths.get(home, "bin", "mvn"))
                ? Paths.get(home, "bin", "mvn").toString() : "mvn");
        command.addAll(List.of(args));
        String repo = System.getProperty("scipion.maven.repo");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        Path log = dir.resolve("mvn.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mvn did not finish within " + TIMEOUT.toSeconds() + " s: " + command);
        }
        assertEquals(0, p.exitValue(), () -> "mvn failed: " + command + "\n" + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Copies the example's sources (pom.xml, bnd.bnd, src/), not its target/. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
