package org.scipionj.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A streaming session with the real plugins for integration tests: a Scipion workflow (import → ProtMotionCorr →
 * CistemProtCTFFind → ProtMonitorSummary) and the simulated microscope ({@code scipion testdata}) that feeds it.
 * Movies are tiny (512² × 8 frames at 6 e/Å² per frame, no gain) so a movie costs about a second per stage on two
 * cores, yet the CTF still has Thon rings to fit.
 */
final class MonitoredProject {

    static final int IMPORT = 2;
    static final int MOTIONCORR = 3;
    static final int CTFFIND = 4;
    static final int SUMMARY = 5;

    private MonitoredProject() {
    }

    /**
     * The workflow JSON. The import never closes by itself (timeout 1 h): the test closes the stream with
     * {@code close-stream} when the microscope is done, so the session's length never depends on machine speed.
     *
     * @param publishCmd Scipion's {@code publishCmd}, with {@code %(REPORT_FOLDER)s}; empty for none
     */
    static String workflow(Path movies, int samplingSeconds, String publishCmd) {
        return """
                [{"object.className": "ProtImportMovies", "object.id": "2", "object.label": "Import movies",
                  "filesPath": "%s", "filesPattern": "movie_*.mrc", "dataStreaming": true,
                  "fileTimeout": 1, "timeout": 3600, "samplingRate": 1.0, "dosePerFrame": 6.0,
                  "voltage": 300, "sphericalAberration": 2.7, "amplitudeContrast": 0.07},
                 {"object.className": "ProtMotionCorr", "object.id": "3", "object.label": "Motioncorr",
                  "inputMovies": "2.outputMovies", "patchX": 0, "patchY": 0, "numberOfThreads": 1,
                  "doApplyDoseFilter": true},
                 {"object.className": "CistemProtCTFFind", "object.id": "4", "object.label": "CTFFind",
                  "inputMicrographs": "3.outputMicrographsDoseWeighted", "windowSize": 256, "lowRes": 30,
                  "highRes": 5, "minDefocus": 5000, "maxDefocus": 40000},
                 {"object.className": "ProtMonitorSummary", "object.id": "5", "object.label": "Summary Monitor",
                  "inputProtocols": ["2", "3", "4"], "samplingInterval": %d, "monitorTime": 30,
                  "maxDefocus": 40000, "minDefocus": 1000, "astigmatism": 1000, "cpuAlert": 101, "memAlert": 101,
                  "swapAlert": 101, "doGpu": false, "doDiskIO": true, "doNetwork": false, "doMail": false,
                  "movieStep": 1, "publishCmd": "%s"}]
                """.formatted(movies, samplingSeconds, publishCmd.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /**
     * Installs the motioncorr and ctffind plugins into {@code userData} with {@code installp} when the distribution
     * ships them in its plugin repository rather than in {@code bundle/}, writes the workflow and creates project
     * {@code name} from it.
     */
    static void create(Path userData, String name, String workflow) throws IOException, InterruptedException {
        boolean bundled = ScipionRuntime.bundleJars().stream()
                .anyMatch(jar -> jar.getFileName().toString().startsWith("scipionj-plugin-ctffind"));
        if (!bundled) {
            ScipionProcess.Result installed = ScipionProcess.run(userData, java.time.Duration.ofSeconds(120),
                    "installp", "-p", "motioncorr", "-p", "ctffind");
            if (installed.exitCode() != 0) {
                throw new AssertionError("installp failed: " + installed);
            }
        }
        Path file = userData.resolve("workflow-" + name + ".json");
        Files.writeString(file, workflow);
        ScipionProcess.Result created = ScipionProcess.run(userData, java.time.Duration.ofSeconds(120),
                "create-project", "name=" + name, "workflow=" + file);
        if (created.exitCode() != 0) {
            throw new AssertionError("create-project failed: " + created);
        }
    }

    /**
     * Starts the simulated microscope: {@code count} movies into {@code out} (which must not exist yet), one every
     * {@code intervalSeconds}, each with its {@code .truth.json}.
     */
    static ScipionProcess microscope(Path userData, Path out, int count, int intervalSeconds) throws IOException {
        return ScipionProcess.start(userData, List.of("-Djava.awt.headless=true"), "testdata", "--generate", "small",
                "--size", "512", "--frames", "8", "--dose", "6", "--gain", "off", "--count", String.valueOf(count),
                "--interval", String.valueOf(intervalSeconds), "--out", out.toString());
    }

    /**
     * Simulates {@code count} movies into {@code staging} at once (the microscope's buffer, not watched), so that a
     * test can then {@link #deliver} them into the watched folder one by one, exactly when it wants.
     */
    static void stage(Path userData, Path staging, int count) throws IOException, InterruptedException {
        try (ScipionProcess microscope = microscope(userData, staging, count, 0)) {
            int exit = microscope.waitFor(java.time.Duration.ofSeconds(180));
            if (exit != 0) {
                throw new AssertionError("testdata failed: " + microscope.result());
            }
        }
    }

    /** Moves movie {@code index} (1-based) of {@link #stage} into the watched folder, atomically. */
    static void deliver(Path staging, Path movies, int index) throws IOException {
        String name = String.format("movie_%04d.mrc", index);
        Files.createDirectories(movies);
        Files.move(staging.resolve(name), movies.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The folder of the summary monitor's report. */
    static Path reportDir(Path userData, String name) {
        return userData.resolve("projects").resolve(name).resolve("Runs")
                .resolve(String.format("%06d_ProtMonitorSummary", SUMMARY)).resolve("extra/report");
    }
}
