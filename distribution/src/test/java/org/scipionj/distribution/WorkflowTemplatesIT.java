package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution's workflow templates ({@code workflows/}, copied to {@code HOME/workflows}): each is filled
 * non-interactively with {@code scipion template PATH alias=value ...} on three tiny simulated movies (256 x 256,
 * 6 frames), processed to the end, and every stage must have produced outputs and the summary monitor its report.
 * Then {@code template} is answered interactively through a pseudo-terminal ({@code script} of util-linux),
 * with a wrong answer asked again.
 */
class WorkflowTemplatesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** Values that fit the tiny movies (3 Å/px: particles of 150 Å are 50 px). */
    private static final List<String> TINY = List.of("filesPattern=movie_*.mrc", "samplingRate=3",
            "dosePerFrame=2", "voltage=300", "sphericalAberration=2.7", "amplitudeContrast=0.07", "importTimeout=2", "fileTimeout=0", "patchX=0", "patchY=0",
            "windowSize=128", "highRes=8", "particleSize=50", "boxSize=68", "samplingInterval=1", "maxResolution=0",
            "minDefocus=1000", "maxDefocus=50000", "maxAstigmatism=5000", "maxDrift=0");

    @TempDir
    static Path userData;
    static Path movies;

    @BeforeAll
    static void tinyMoviesAndPlugins() throws Exception {
        movies = userData.resolve("movies");
        ScipionProcess.Result data = ScipionProcess.run(userData, TIMEOUT, "testdata", "--generate", "small", "--out",
                movies.toString(), "--count", "3", "--size", "256", "--frames", "6", "--pixel-size", "3",
                "--gain", "off");
        assertEquals(0, data.exitCode(), data::toString);
        if (!ScipionProcess.run(userData, TIMEOUT, "protocols").stdout().contains("ProtMotionCorr")) {
            ScipionProcess.Result installed = ScipionProcess.run(userData, TIMEOUT, "installp", "-p", "motioncorr",
                    "-p", "ctffind", "-p", "eman", "--if-missing");
            assertEquals(0, installed.exitCode(), installed::toString);
        }
    }

    static Path template(String name) {
        return ScipionRuntime.distribution().resolve("workflows").resolve(name + ".json.template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"preprocessing", "preprocessing-picking", "preprocessing-curation", "demo"})
    void templateRunsToTheEndOnTinyMovies(String name) throws Exception {
        Path template = template(name);
        String text = Files.readString(template);
        List<String> args = new ArrayList<>(List.of("template", template.toString(), "moviesPath=" + movies));
        TINY.stream().filter(a -> text.contains("|" + a.substring(0, a.indexOf('=')) + "~")).forEach(args::add);
        args.addAll(List.of("--name", name, "--noschedule"));
        ScipionProcess.Result created = ScipionProcess.run(userData, TIMEOUT, args.toArray(String[]::new));
        assertEquals(0, created.exitCode(), created::toString);
        assertFalse(created.stdout().contains("]: "), "every field was given, none asked: " + created);

        ScipionProcess.Result run = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=" + name,
                "--foreground");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode status = new ObjectMapper().readTree(
                ScipionProcess.run(userData, TIMEOUT, "status", "name=" + name, "--json").stdout());
        int monitors = 0;
        for (JsonNode r : status.path("runs")) {
            assertEquals("finished", r.path("status").asText(), r::toPrettyString);
            if (r.path("className").asText().equals("ProtMonitorSummary")) {
                monitors++;
                continue;
            }
            assertEquals(0, r.path("failed").asLong(), r::toPrettyString);
            assertTrue(r.path("done").asLong() >= 1, r::toPrettyString);
            long produced = 0;
            for (JsonNode o : r.path("outputs")) {
                produced += o.path("size").asLong();
            }
            assertTrue(produced >= 1, "run " + r.path("id") + " produced outputs: " + r.toPrettyString());
        }
        assertEquals(1, monitors);
        int expectedRuns = switch (name) {
            case "preprocessing" -> 4;
            case "preprocessing-curation" -> 7;
            default -> 6;
        };
        assertEquals(expectedRuns, status.path("runs").size(), status::toPrettyString);
        Path runs = userData.resolve("projects").resolve(name).resolve("Runs");
        try (var dirs = Files.list(runs)) {
            Path report = dirs.filter(d -> d.getFileName().toString().endsWith("_ProtMonitorSummary")).findFirst()
                    .orElseThrow().resolve("extra/report");
            assertTrue(Files.isRegularFile(report.resolve("index.html")) && Files.isRegularFile(report.resolve("report.json")),
                    report.toString());
        }
    }

    @Test
    void templateAsksTheMissingFieldsOnATerminal() throws Exception {
        Path template = template("preprocessing");
        String command = String.join(" ", quote(javaBinary()), "-cp",
                quote(ScipionRuntime.distribution().resolve("lib/launcher.jar").toString()),
                "org.scipionj.launcher.Main", "template", quote(template.toString()),
                quote("moviesPath=" + movies), "--name", "asked", "--noschedule");
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().put("SCIPION_USER_DATA", userData.toString());
        Process p = builder.start();
        StringBuilder out = new StringBuilder();
        Thread pump = pump(p.getInputStream(), out);
        try (OutputStream in = p.getOutputStream()) {
            answer(pump, out, in, "(filesPattern, string) [*.tiff]: ", "movie_*.mrc");
            answer(pump, out, in, "(voltage, decimal) [300]: ", "high");
            awaitText(pump, out, "must be a number, not 'high'", 1);
            awaitText(pump, out, "(voltage, decimal) [300]: ", 2);
            in.write("200\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            answer(pump, out, in, "(sphericalAberration, decimal) [2.7]: ", "");
            answer(pump, out, in, "(amplitudeContrast, decimal) [0.07]: ", "");
            answer(pump, out, in, "(samplingRate, decimal) [0.83]: ", "3");
            // NB: Enter for each of the 8 remaining fields (dose ... report refresh): their defaults
            answer(pump, out, in, "(dosePerFrame, decimal) [1.0]: ", "\n".repeat(7));
            awaitText(pump, out, "Project asked created", 1);
        } finally {
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            pump.join(5000);
        }
        assertEquals(0, p.exitValue(), out::toString);
        JsonNode workflow = new ObjectMapper().readTree(
                ScipionProcess.run(userData, TIMEOUT, "export-workflow", "name=asked").stdout());
        JsonNode params = workflow.get(0);
        assertEquals("ProtImportMovies", params.path("object.className").asText());
        assertEquals("movie_*.mrc", params.path("filesPattern").asText(), params::toPrettyString);
        assertEquals(200.0, params.path("voltage").asDouble(), params::toPrettyString);
        assertEquals(3.0, params.path("samplingRate").asDouble(), params::toPrettyString);
        assertEquals(2.7, params.path("sphericalAberration").asDouble(), "the default, for an empty answer");
        assertEquals(movies.toString(), params.path("filesPath").asText(), "given on the command line, not asked");
    }

    /** Waits for {@code prompt} to be printed (once more than before), then types {@code answer} and Enter. */
    private static void answer(Thread pump, StringBuilder out, OutputStream in, String prompt, String answer)
            throws Exception {
        awaitText(pump, out, prompt, 1);
        in.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void awaitText(Thread pump, StringBuilder out, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (out) {
            while (count(out.toString(), text) < times) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !pump.isAlive() && count(out.toString(), text) < times) {
                    throw new AssertionError("'" + text + "' not printed " + times + " time(s)"
                            + (pump.isAlive() ? "" : " before the process ended") + ":\n" + out);
                }
                out.wait(Math.min(left, 500));
            }
        }
    }

    private static int count(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static Thread pump(InputStream in, StringBuilder sink) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[4096];
            try (in) {
                for (int n; (n = in.read(b)) >= 0;) {
                    synchronized (sink) {
                        sink.append(new String(b, 0, n, StandardCharsets.UTF_8));
                        sink.notifyAll();
                    }
                }
            } catch (IOException e) {
                // NB: closed with the process
            }
        }, "pty-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
