package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scipion demo --headless} with a few movies: it installs the plugins it needs, starts the simulated
 * acquisition and the background server, and returns once every stage has finished; every stage produced
 * outputs, the summary monitor wrote its report, and the printed report address serves it.
 */
class DemoIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    @TempDir
    Path userData;

    @Test
    void headlessDemoRunsEveryStageAndWritesTheReport() throws Exception {
        try {
            ScipionProcess.Result demo;
            try (ScipionProcess p = ScipionProcess.start(userData, "demo", "--headless", "--count", "3",
                    "--interval", "1", "--port", "0", "--name", "itdemo")) {
                p.waitFor(TIMEOUT);
                demo = p.result();
            }
            assertEquals(0, demo.exitCode(), demo::toString);
            assertTrue(!demo.stdout().contains("\033["), "no ANSI codes when headless");
            JsonNode status = new ObjectMapper().readTree(
                    ScipionProcess.run(userData, TIMEOUT, "status", "name=itdemo", "--json").stdout());
            JsonNode runs = status.path("runs");
            assertEquals(6, runs.size(), status::toPrettyString);
            for (JsonNode run : runs) {
                assertEquals("finished", run.path("status").asText(), run::toPrettyString);
                assertEquals(0, run.path("failed").asLong(), run::toPrettyString);
            }
            assertEquals(3, size(runs, "ProtImportMovies", "outputMovies"), status::toPrettyString);
            assertEquals(3, size(runs, "ProtMotionCorr", "outputMicrographsDoseWeighted"));
            assertEquals(3, size(runs, "CistemProtCTFFind", "outputCTF"));
            assertTrue(size(runs, "EmanProtAutopick", "outputCoordinates") > 0, "particles picked");
            assertTrue(size(runs, "XmippProtExtractParticles", "outputParticles") > 0, "particles extracted");

            Path report;
            try (var dirs = Files.list(userData.resolve("projects/itdemo/Runs"))) {
                report = dirs.filter(d -> d.getFileName().toString().endsWith("_ProtMonitorSummary")).findFirst()
                        .orElseThrow().resolve("extra/report");
            }
            assertTrue(Files.isRegularFile(report.resolve("index.html")), report.toString());
            JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
            assertEquals(3, json.path("acquisition").path("movies").asLong(), json::toPrettyString);
            assertTrue(demo.stdout().contains("Report folder: " + report), demo::toString);

            Matcher url = Pattern.compile("Report: (http://127\\.0\\.0\\.1:\\d+/projects/itdemo/report/)")
                    .matcher(demo.stdout());
            assertTrue(url.find(), demo::toString);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("itdemo"), page.body());
        } finally {
            ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
        }
    }

    private static long size(JsonNode runs, String className, String output) {
        for (JsonNode run : runs) {
            if (run.path("className").asText().equals(className)) {
                for (JsonNode o : run.path("outputs")) {
                    if (o.path("name").asText().endsWith("." + output)) {
                        return o.path("size").asLong();
                    }
                }
            }
        }
        return -1;
    }
}
