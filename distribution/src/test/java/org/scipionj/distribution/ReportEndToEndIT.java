package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole streaming chain with the real plugins, in the assembled runtime as a user runs it: the simulated
 * microscope ({@code scipion testdata}) writes movies while {@code schedule-project --foreground} imports them,
 * aligns them (ProtMotionCorr), estimates their CTF (CistemProtCTFFind) and runs ProtMonitorSummary with a
 * {@code publishCmd} that copies the report folder. The test closes the stream when the microscope is done and then
 * checks the report folder against the project database and the simulator's ground truth.
 */
class ReportEndToEndIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int MOVIES = 4;
    private static final Path ARTIFACTS = ScipionRuntime.distribution().resolveSibling("report-artifacts");

    @Test
    void streamingSessionWithTheRealPluginsWritesAConsistentPublishedReport() throws Exception {
        Path userData = ScipionRuntime.freshUserData();
        Path movies = userData.resolve("microscope");
        Path published = Files.createDirectories(userData.resolve("published"));
        MonitoredProject.create(userData, "live", MonitoredProject.workflow(movies, 2,
                "cp -r %(REPORT_FOLDER)s " + published + "/$(date +%s%N)"));

        try (ScipionProcess runtime = ScipionProcess.start(userData, "schedule-project", "name=live", "--foreground");
             ScipionProcess microscope = MonitoredProject.microscope(userData, movies, MOVIES, 3)) {
            assertEquals(0, microscope.waitFor(TIMEOUT), () -> "testdata: " + microscope.result());
            ScipionProcess.Result closed = ScipionProcess.run(userData, TIMEOUT, "close-stream", "name=live",
                    "run=" + MonitoredProject.IMPORT);
            assertEquals(0, closed.exitCode(), closed::toString);
            assertEquals(0, runtime.waitFor(TIMEOUT), () -> "schedule-project: " + runtime.result());
        }

        Path projectDir = userData.resolve("projects/live");
        ProjectDatabase db = new ProjectDatabase(projectDir);
        db.runStatuses().forEach((id, status) -> assertEquals("FINISHED", status, "run " + id));
        Map<String, Long> sizes = db.setSizes();
        assertEquals(MOVIES, sizes.get("2.outputMovies"), sizes::toString);
        assertEquals(MOVIES, sizes.get("3.outputMicrographsDoseWeighted"), sizes::toString);
        assertEquals(MOVIES, sizes.get("4.outputCTF"), sizes::toString);

        Path reportDir = MonitoredProject.reportDir(userData, "live");
        copyFolder(reportDir, ARTIFACTS.resolve("e2e-report")); // NB: kept to look at after the build
        ReportFolder report = new ReportFolder(reportDir);
        checkCountsAgainstTheDatabase(report.json, db, sizes);
        checkMicrographsAgainstDatabaseAndTruth(report.json, db, movies);
        checkHtml(report);
        checkPublished(published, reportDir);
    }

    private static void checkCountsAgainstTheDatabase(JsonNode json, ProjectDatabase db, Map<String, Long> sizes) {
        assertTrue(json.path("project").path("finished").asBoolean(), "the last refresh says finished");
        assertEquals(sizes.get("2.outputMovies"), json.path("acquisition").path("movies").asLong());
        assertEquals(sizes.get("4.outputCTF"), json.path("ctf").path("count").asLong());
        assertEquals(sizes.get("3.outputMicrographsDoseWeighted"), json.path("drift").path("count").asLong());
        assertEquals(sizes.get("2.outputMovies"), json.path("gain").path("count").asLong(), "movieStep 1: every movie");
        Map<Long, Long> done = db.doneCounts();
        List<Long> seen = new ArrayList<>();
        for (JsonNode run : json.path("runs")) {
            long id = run.path("id").asLong();
            seen.add(id);
            assertEquals(done.get(id), run.path("done").asLong(), "done of run " + id);
            assertEquals(0, run.path("backlog").asLong(), "backlog of run " + id);
            run.path("outputs").fields().forEachRemaining(out -> assertEquals(sizes.get(id + "." + out.getKey()),
                    out.getValue().asLong(), "size of " + id + "." + out.getKey()));
        }
        assertEquals(List.of(2L, 3L, 4L), seen, "the watched runs");
    }

    /** Each row of the latest-micrographs table holds the database's CTF values, close to the simulator's truth. */
    private static void checkMicrographsAgainstDatabaseAndTruth(JsonNode json, ProjectDatabase db, Path movies)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> ctfs = db.items("4.outputCTF");
        JsonNode rows = json.path("micrographs");
        assertEquals(MOVIES, rows.size());
        for (JsonNode row : rows) {
            String file = row.path("file").asText();
            JsonNode ctf = ctfs.stream().filter(c -> c.path("micrographFile").asText().endsWith("/" + file))
                    .findFirst().orElseThrow(() -> new AssertionError("no CTF in the database for " + file));
            assertEquals(Math.round(ctf.path("defocusU_A").asDouble()), row.path("defocusU_A").asLong(), file);
            assertEquals(ctf.path("resolution_A").asDouble(), row.path("resolution_A").asDouble(), 0.01, file);
            String movie = file.replaceAll(".*(movie_\\d{4}).*", "$1");
            JsonNode truth = mapper.readTree(movies.resolve(movie + ".truth.json").toFile()).path("ctf");
            double expected = (truth.path("defocusU_A").asDouble() + truth.path("defocusV_A").asDouble()) / 2;
            double measured = (row.path("defocusU_A").asDouble() + row.path("defocusV_A").asDouble()) / 2;
            assertEquals(expected, measured, 0.05 * expected, "mean defocus of " + file + " against the truth");
            assertTrue(row.path("totalDrift_A").asDouble() > 0, file + " has a drift");
        }
    }

    private static void checkHtml(ReportFolder report) throws Exception {
        assertFalse(report.refreshes(), "the final page does not reload itself");
        String title = report.html.getElementsByTagName("title").item(0).getTextContent();
        assertTrue(title.contains("live"), title);
        List<String> sources = report.imageSources();
        for (String plot : List.of("ctf_defocus.png", "ctf_resolution.png", "ctf_astigmatism.png", "hist_defocus.png",
                "drift.png", "hist_drift.png", "gain_std.png", "system_usage.png")) {
            assertTrue(sources.contains(plot), plot + " shown in " + sources);
        }
        for (String src : sources) {
            assertFalse(src.contains(":") || src.startsWith("/") || src.contains(".."), "a file of the folder: " + src);
            int[] size = ReportFolder.assertPng(report.dir.resolve(src));
            assertTrue(size[0] >= 32 && size[1] >= 32, src + " is " + size[0] + " x " + size[1]);
        }
        List<List<String>> rows = report.micrographRows();
        assertEquals(MOVIES, rows.size(), "one row per micrograph: " + rows);
        for (List<String> images : rows) {
            assertEquals(3, images.size(), "thumbnail, power spectrum, drift: " + images);
            assertTrue(images.get(0).matches("img/mic_\\d+\\.png") && images.get(1).matches("img/psd_\\d+\\.png")
                    && images.get(2).matches("img/drift_\\d+\\.png"), images::toString);
        }
        String text = Files.readString(report.dir.resolve("index.html"));
        assertFalse(text.contains("http://") || text.contains("https://"), "no external resource");
    }

    /** publishCmd ran after every refresh: copies made while streaming, and the last one is the final report. */
    private static void checkPublished(Path published, Path reportDir) throws Exception {
        List<Path> copies;
        try (Stream<Path> s = Files.list(published)) {
            copies = s.sorted().toList();
        }
        assertTrue(copies.size() >= 2, "publishCmd ran at each refresh: " + copies);
        long lastMovies = 0;
        int whileRunning = 0;
        for (Path copy : copies) {
            ReportFolder r = new ReportFolder(copy);
            long n = r.json.path("acquisition").path("movies").asLong();
            assertTrue(n >= lastMovies, "movie counts never decrease: " + copy);
            lastMovies = n;
            if (!r.json.path("project").path("finished").asBoolean()) {
                whileRunning++;
                assertTrue(r.refreshes(), "a page published while running reloads itself: " + copy);
            }
        }
        assertTrue(whileRunning >= 1, "published while the stream ran");
        Path last = copies.get(copies.size() - 1);
        for (String file : List.of("index.html", "report.json")) {
            assertArrayEquals(Files.readAllBytes(reportDir.resolve(file)), Files.readAllBytes(last.resolve(file)),
                    "the last copy is the final " + file);
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
