package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The template form and the export in the real runtime: {@code scipion server --port 0} with a configured template
 * folder ({@code -Dscipion.workflows}); the form lists it beside the distribution's {@code workflows/}, refuses wrong
 * values field by field over HTTP, and a valid submission creates and schedules the project, which the server then
 * processes (two tiny simulated movies: import, motioncorr, ctffind, picking, extraction). {@code scipion export}
 * then writes its particles as RELION STAR while the server runs (the other tables, JSON and the export's errors are
 * tested in bundles/export).
 */
class TemplateFormExportIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String TEMPLATE = """
            Tiny pipeline for the form test: import, motion correction, CTF, picking, extraction.
            [{"object.className": "ProtImportMovies", "object.id": "2",
              "filesPath": "~Movies folder|%(HOME)s/movies|6|moviesPath~", "filesPattern": "movie_*.mrc",
              "dataStreaming": false, "voltage": 300, "sphericalAberration": 2.7, "amplitudeContrast": 0.07,
              "samplingRate": ~Sampling rate (Å/px)|1.0|4|samplingRate~, "dosePerFrame": 2.0},
             {"object.className": "ProtMotionCorr", "object.id": "3", "inputMovies": "2.outputMovies", "patchX": 0,
              "patchY": 0, "doApplyDoseFilter": ~Dose weighting|true|1|doseWeighting~},
             {"object.className": "CistemProtCTFFind", "object.id": "4", "windowSize": 128, "highRes": 8.0,
              "minDefocus": 1000.0, "maxDefocus": 50000.0, "inputMicrographs": "3.outputMicrographsDoseWeighted"},
             {"object.className": "EmanProtAutopick", "object.id": "5", "boxerMode": 0,
              "particleSize": ~Particle diameter (px)|100|3|particleSize~, "boxSize": 68, "threshold": 3.0,
              "inputMicrographs": "3.outputMicrographsDoseWeighted"},
             {"object.className": "XmippProtExtractParticles", "object.id": "6", "boxSize": 64,
              "inputMicrographs": "3.outputMicrographsDoseWeighted", "inputCoordinates": "5.outputCoordinates",
              "ctfRelations": "4.outputCTF"}]
            """;

    @TempDir
    static Path userData;
    static Path movies;
    static ScipionProcess server;
    static String url;

    @BeforeAll
    static void serverWithATemplateFolder() throws Exception {
        movies = userData.resolve("movies");
        ScipionProcess.Result data = ScipionProcess.run(userData, TIMEOUT, "testdata", "--generate", "small", "--out",
                movies.toString(), "--count", "2", "--size", "256", "--frames", "6", "--pixel-size", "3",
                "--gain", "off", "--particles", "8");
        assertEquals(0, data.exitCode(), data::toString);
        if (!ScipionProcess.run(userData, TIMEOUT, "protocols").stdout().contains("XmippProtExtractParticles")) {
            ScipionProcess.Result installed = ScipionProcess.run(userData, TIMEOUT, "installp", "-p", "motioncorr",
                    "-p", "ctffind", "-p", "eman", "--if-missing");
            assertEquals(0, installed.exitCode(), installed::toString);
        }
        Path templates = Files.createDirectories(userData.resolve("facility-templates"));
        Files.writeString(templates.resolve("tiny-pipeline.json.template"), TEMPLATE);
        server = ScipionProcess.start(userData, List.of("-Dscipion.workflows=" + templates), "server", "--port", "0");
        server.awaitOutput("Web: http://127.0.0.1:", TIMEOUT);
        url = JSON.readTree(userData.resolve("runtime/server.json").toFile()).get("url").asText();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
            server.close();
        }
    }

    @Test
    void formCreatesAProjectTheServerProcessesAndTheExportWritesIt() throws Exception {
        HttpResponse<String> list = get("templates");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("href=\"/templates/tiny-pipeline\""), list.body());
        assertTrue(list.body().contains("href=\"/templates/demo\""), "the distribution's workflows/: " + list.body());
        HttpResponse<String> form = get("templates/tiny-pipeline");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"field1\" type=\"number\" value=\"1.0\""), form.body());

        String token = Files.readString(userData.resolve("runtime/admin.token")).trim();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("projectName", "formtest");
        fields.put("field0", movies.toString());
        fields.put("field1", "three");
        fields.put("field2", "true");
        fields.put("field3", "50");
        fields.put("token", token);
        HttpResponse<String> refused = post("templates/tiny-pipeline", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("'Sampling rate (Å/px)' must be a number, not 'three'"), refused.body());
        fields.put("field1", "3");
        fields.put("token", "wrong");
        assertEquals(401, post("templates/tiny-pipeline", fields).statusCode());
        fields.put("token", token);
        HttpResponse<String> created = post("templates/tiny-pipeline", fields);
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/projects/formtest/", created.headers().firstValue("Location").orElse(""));

        awaitFinished("formtest", 5);
        JsonNode importRun = JSON.readTree(get("api/projects/formtest/runs/2").body());
        assertEquals(3.0, importRun.path("params").path("samplingRate").asDouble(), importRun::toPrettyString);

        Path out = userData.resolve("export");
        ScipionProcess.Result exported = ScipionProcess.run(userData, TIMEOUT, "export", "name=formtest", "run=6",
                "--format", "star", "--out", out.toString());
        assertEquals(0, exported.exitCode(), exported::toString);
        assertTrue(exported.stdout().contains("exported to " + out.resolve("particles.star")), exported::toString);
        StarFile star = StarFile.read(out.resolve("particles.star"));
        StarBlock optics = star.block("optics").orElseThrow();
        assertEquals("64", optics.value(0, "rlnImageSize"));
        assertEquals(3.0, Double.parseDouble(optics.value(0, "rlnMicrographOriginalPixelSize")));
        StarBlock particles = star.block("particles").orElseThrow();
        assertTrue(particles.rows().size() >= 1, "particles exported");
        for (int i = 0; i < particles.rows().size(); i++) {
            Path stack = out.resolve(particles.value(i, "rlnImageName").split("@")[1]);
            assertTrue(Files.isRegularFile(stack), "linked stack " + stack);
            assertTrue(Double.parseDouble(particles.value(i, "rlnDefocusU")) > 0);
        }
    }

    private static JsonNode awaitFinished(String name, int runs) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode p = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("api/projects/" + name);
            if (r.statusCode() == 200) {
                p = JSON.readTree(r.body());
                List<String> statuses = java.util.stream.StreamSupport.stream(p.path("runs").spliterator(), false)
                        .map(n -> n.path("status").asText()).toList();
                if (statuses.size() == runs && statuses.stream().allMatch("finished"::equals)) {
                    return p;
                }
                assertTrue(statuses.stream().noneMatch(s -> s.equals("failed") || s.equals("aborted")),
                        p::toPrettyString);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("project " + name + " did not finish in " + TIMEOUT + ": "
                + (p == null ? "never listed" : p.toPrettyString()) + "\n" + server.stdout());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
