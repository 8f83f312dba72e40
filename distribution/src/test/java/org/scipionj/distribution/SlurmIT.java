package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SLURM executor against a real single-node SLURM ({@code .ci/slurm-up}; the tests fail with its reason when
 * SLURM cannot start): runs marked {@code _useQueue} are processed by batch jobs that run this distribution's
 * worker, and give the same items as the local executor; a job killed with {@code scancel} is reported and its items
 * retried; a runtime killed while its job runs re-attaches to the job at the next start instead of submitting again.
 * Movies are tiny (3 × 512² × 8 frames; 256² for the fault tests).
 */
class SlurmIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final int MOVIES = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Path userData;
    private static Path movies;
    private static Path smallMovies; // NB: for the fault tests, which run motioncorr only

    @BeforeAll
    static void clusterAndData() throws Exception {
        SlurmCluster.up();
        userData = ScipionRuntime.freshUserData();
        Files.writeString(userData.resolve("hosts.conf"), HOSTS_CONF); // NB: USER_DATA/hosts.conf is the configuration
        if (Files.isDirectory(ScipionRuntime.distribution().resolve("repository"))) {
            ScipionProcess.Result installed = ScipionProcess.run(userData, TIMEOUT, "installp", "-p", "motioncorr",
                    "-p", "ctffind");
            assertEquals(0, installed.exitCode(), installed::toString);
        }
        movies = movies("movies", 512);
        smallMovies = movies("small-movies", 256);
    }

    /** Simulated movies, {@code size}² × 8 frames, all written at once. */
    private static Path movies(String folder, int size) throws Exception {
        Path out = userData.resolve(folder);
        ScipionProcess.Result made = ScipionProcess.run(userData, TIMEOUT, "testdata", "--generate", "small",
                "--size", String.valueOf(size), "--frames", "8", "--dose", "6", "--gain", "off", "--count",
                String.valueOf(MOVIES), "--particle-diameter", String.valueOf(size / 4), "--interval", "0",
                "--seed", "7", "--out", out.toString());
        assertEquals(0, made.exitCode(), made::toString);
        return out;
    }

    @Test
    void aStreamingProjectsMotioncorrAndCtffindThroughSlurmGiveTheSameItemsAsTheLocalExecutor() throws Exception {
        create("local", workflow(null, null, true));
        create("queued", workflow("[\"debug\", {\"BATCH_SIZE\": \"2\", \"BATCH_MAX_WAIT\": \"1\", \"POLL_SECONDS\": \"1\"}]",
                "[\"debug\", {\"BATCH_SIZE\": \"3\", \"BATCH_MAX_WAIT\": \"1\", \"POLL_SECONDS\": \"1\"}]", true));
        try (ScipionProcess local = ScipionProcess.start(userData, "schedule-project", "name=local", "--foreground");
             ScipionProcess queued = ScipionProcess.start(userData, "schedule-project", "name=queued", "--foreground")) {
            assertEquals(0, local.waitFor(TIMEOUT), () -> "local: " + local.result());
            assertEquals(0, queued.waitFor(TIMEOUT), () -> "queued: " + queued.result());
        }
        Path localDir = project("local");
        Path queuedDir = project("queued");
        for (Path dir : List.of(localDir, queuedDir)) {
            assertEquals(Map.of(2L, "finished", 3L, "finished", 4L, "finished"), statuses(dir), dir.toString());
        }
        for (String set : List.of("3.outputMicrographsDoseWeighted", "3.outputMovies", "4.outputCTF")) {
            Map<Long, String> expected = items(localDir, set);
            assertEquals(MOVIES, expected.size(), set);
            assertEquals(expected, items(queuedDir, set), set + ": the queued project's items equal the local ones");
        }
        assertEquals(0, failed(queuedDir), "no failed item");
        for (String run : List.of("000003_ProtMotionCorr", "000004_CistemProtCTFFind")) {
            String log = Files.readString(queuedDir.resolve("Runs").resolve(run).resolve("logs/run.log"));
            int least = run.contains("Motion") ? 2 : 1;
            assertTrue(submitted(log).size() >= least, "3 items go in at least " + least + " jobs:\n" + log);
            assertEquals(MOVIES, resultFiles(queuedDir.resolve("Runs").resolve(run)), "one result per item in " + run);
            assertFalse(Files.readString(localDir.resolve("Runs").resolve(run).resolve("logs/run.log"))
                    .contains("submitted slurm job"), "the local project runs on this machine");
        }
    }

    @Test
    void aJobKilledWithScancelIsReportedAndItsItemsRetried() throws Exception {
        create("cancelled", workflow("[\"slowfirst\", {\"BATCH_SIZE\": \"3\", \"POLL_SECONDS\": \"1\"}]", null, false));
        Path dir = project("cancelled");
        try (ScipionProcess runtime = ScipionProcess.start(userData, "schedule-project", "name=cancelled", "--foreground")) {
            String jobId = runningJob(dir);
            String[] cancel = SlurmCluster.command(Duration.ofSeconds(30), "scancel", jobId);
            assertEquals("0", cancel[0], cancel[1]);
            assertEquals(0, runtime.waitFor(TIMEOUT), () -> "schedule-project: " + runtime.result());
            assertEquals("CANCELLED", SlurmCluster.jobState(jobId));
            String log = Files.readString(dir.resolve("Runs/000003_ProtMotionCorr/logs/run.log"));
            assertTrue(log.contains("slurm job " + jobId + " ended: CANCELLED"), "the cancellation is reported:\n" + log);
            assertEquals(2, submitted(log).size(), "the cancelled job and the retry:\n" + log);
            assertEquals(Map.of(2L, "finished", 3L, "finished"), statuses(dir));
            assertEquals(MOVIES, items(dir, "3.outputMicrographsDoseWeighted").size());
            assertEquals(0, failed(dir));
            for (Map<String, Object> row : SlurmCluster.query(dir, "SELECT log FROM run_items WHERE run_id=3")) {
                assertTrue(String.valueOf(row.get("log")).contains("attempt 1: slurm job " + jobId + " CANCELLED"),
                        "each item's log tells the failed attempt: " + row);
            }
        }
    }

    @Test
    void aRestartedRuntimeReattachesToTheRunningJobInsteadOfSubmittingAgain() throws Exception {
        create("restarted", workflow("[\"slow\", {\"BATCH_SIZE\": \"3\", \"POLL_SECONDS\": \"1\"}]", null, false));
        Path dir = project("restarted");
        String jobId;
        try (ScipionProcess first = ScipionProcess.start(userData, "schedule-project", "name=restarted", "--foreground")) {
            jobId = runningJob(dir);
            first.kill(); // NB: SIGKILL: the job keeps running without its server
        }
        assertEquals("RUNNING", SlurmCluster.jobState(jobId), "the job outlives the runtime");
        try (ScipionProcess second = ScipionProcess.start(userData, "schedule-project", "name=restarted", "--foreground")) {
            assertEquals(0, second.waitFor(TIMEOUT), () -> "second runtime: " + second.result());
        }
        String log = Files.readString(dir.resolve("Runs/000003_ProtMotionCorr/logs/run.log"));
        assertTrue(log.contains("re-attached slurm job " + jobId + " (batch 1, 3 items)"), log);
        assertEquals(List.of(jobId), submitted(log), "one job in all: nothing submitted twice\n" + log);
        assertEquals("COMPLETED", SlurmCluster.jobState(jobId));
        assertEquals(Map.of(2L, "finished", 3L, "finished"), statuses(dir));
        assertEquals(MOVIES, items(dir, "3.outputMicrographsDoseWeighted").size());
        assertEquals(MOVIES, resultFiles(dir.resolve("Runs/000003_ProtMotionCorr")), "each item processed once");
        assertTrue(SlurmCluster.query(dir, "SELECT * FROM queue_jobs").isEmpty(), "no job left to follow");
    }

    // -- helpers --

    /** A job of run 3 that SLURM runs (its first line of work is the hosts.conf's sleep), once it is recorded. */
    private static String runningJob(Path dir) throws InterruptedException {
        String jobId = SlurmCluster.await(TIMEOUT, "a job id in queue_jobs", () -> {
            String status = statuses(dir).get(3L);
            if ("failed".equals(status) || "finished".equals(status)) {
                throw new AssertionError("run 3 ended (" + status + ") before its job was seen:\n" + runLog(dir));
            }
            return SlurmCluster.query(dir, "SELECT job_id FROM queue_jobs WHERE run_id=3 AND job_id IS NOT NULL")
                    .stream().map(r -> String.valueOf(r.get("job_id"))).findFirst().orElse(null);
        });
        SlurmCluster.await(TIMEOUT, "job " + jobId + " running its first command", () ->
                Files.isDirectory(dir.resolve("Runs/000003_ProtMotionCorr/queue/first-job-started")) ? true : null);
        return jobId;
    }

    private static String runLog(Path dir) {
        try {
            return Files.readString(dir.resolve("Runs/000003_ProtMotionCorr/logs/run.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /**
     * Import → ProtMotionCorr (→ CistemProtCTFFind), the import streaming when ctffind is there (it closes 5 s after
     * the last new movie), else reading the folder of smaller movies once.
     *
     * @param motioncorrQueue ProtMotionCorr's {@code _queueParams}, null to run it locally
     * @param ctffindQueue CistemProtCTFFind's {@code _queueParams}, null to run it locally
     */
    private static String workflow(String motioncorrQueue, String ctffindQueue, boolean ctffind) {
        return """
                [{"object.className": "ProtImportMovies", "object.id": "2", "filesPath": "%s",
                  "filesPattern": "movie_*.mrc", "dataStreaming": %s, "fileTimeout": 1, "timeout": 5,
                  "samplingRate": 1.0, "dosePerFrame": 6.0, "voltage": 300, "sphericalAberration": 2.7,
                  "amplitudeContrast": 0.07},
                 {"object.className": "ProtMotionCorr", "object.id": "3", "inputMovies": "2.outputMovies",
                  "patchX": 0, "patchY": 0, "numberOfThreads": 1, "doApplyDoseFilter": true%s}%s]
                """.formatted(ctffind ? movies : smallMovies, ctffind, queue(motioncorrQueue), !ctffind ? "" : """
                , {"object.className": "CistemProtCTFFind", "object.id": "4",
                  "inputMicrographs": "3.outputMicrographsDoseWeighted", "windowSize": 256, "lowRes": 30,
                  "highRes": 5, "minDefocus": 5000, "maxDefocus": 40000%s}""".formatted(queue(ctffindQueue)));
    }

    private static String queue(String queueParams) {
        return queueParams == null ? "" : ", \"_useQueue\": true, \"_queueParams\": \""
                + queueParams.replace("\"", "\\\"") + "\"";
    }

    private static void create(String name, String workflow) throws Exception {
        Path file = userData.resolve("workflow-" + name + ".json");
        Files.writeString(file, workflow);
        ScipionProcess.Result r = ScipionProcess.run(userData, TIMEOUT, "create-project", "name=" + name,
                "workflow=" + file);
        assertEquals(0, r.exitCode(), r::toString);
    }

    private static Path project(String name) {
        return userData.resolve("projects").resolve(name);
    }

    private static Map<Long, String> statuses(Path dir) {
        Map<Long, String> out = new TreeMap<>();
        SlurmCluster.query(dir, "SELECT id, status FROM runs").forEach(r -> out.put(((Number) r.get("id")).longValue(),
                String.valueOf(r.get("status")).toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    /**
     * Item id to its stored JSON, with the project folder replaced so two projects compare, and without the
     * attributes that measure time ({@code processingTime_s}: how long it took, not what it found).
     */
    private static Map<Long, String> items(Path dir, String set) throws Exception {
        Map<Long, String> out = new TreeMap<>();
        for (Map<String, Object> r : SlurmCluster.query(dir, "SELECT item_id, data FROM items WHERE set_name='" + set + "'")) {
            JsonNode item = MAPPER.readTree(String.valueOf(r.get("data")).replace(dir.toAbsolutePath().toString(), "PROJECT"));
            if (item.path("attributes") instanceof ObjectNode attributes) {
                attributes.remove(List.of("processingTime_s"));
            }
            out.put(((Number) r.get("item_id")).longValue(), item.toString());
        }
        return out;
    }

    private static long failed(Path dir) {
        return SlurmCluster.query(dir, "SELECT COUNT(*) AS n FROM run_items WHERE status='failed'").stream()
                .mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
    }

    private static List<String> submitted(String log) {
        Matcher m = Pattern.compile("submitted slurm job (\\S+)").matcher(log);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static long resultFiles(Path runDir) throws Exception {
        try (Stream<Path> files = Files.walk(runDir.resolve("queue"))) {
            return files.filter(p -> p.getParent().getFileName().toString().equals("results")
                    && p.toString().endsWith(".json")).count();
        }
    }

    /**
     * The tests' hosts.conf: the built-in example's template plus a JOB_PRELUDE line; every queue uses the SLURM
     * partition "debug". Queue "slowfirst": the run's first job sleeps 10 minutes (to be cancelled); "slow": it
     * sleeps 12 s (for a restart meanwhile).
     */
    private static final String HOSTS_CONF = """
            [localhost]
            SUBMIT_COMMAND = sbatch --parsable %_(JOB_SCRIPT)s
            CANCEL_COMMAND = scancel %_(JOB_ID)s
            DEFAULT_QUEUE = debug
            SUBMIT_TEMPLATE = #!/bin/bash
                #SBATCH --job-name=%_(JOB_NAME)s
                #SBATCH --output=%_(JOB_LOGS)s.out
                #SBATCH --error=%_(JOB_LOGS)s.err
                #SBATCH --partition=%_(PARTITION)s
                #SBATCH --ntasks=1 --cpus-per-task=%_(JOB_THREADS)d --mem=%_(JOB_MEMORY)s --time=%_(JOB_TIME)s
                #SBATCH --no-requeue
                cd %_(JOB_WORKDIR)s
                %_(JOB_PRELUDE)s
                %_(JOB_COMMAND)s
            QUEUES = {
                "debug": [["JOB_MEMORY", "1024", "Memory (MB)", ""], ["JOB_TIME", "10", "Time (minutes)", ""]],
                "slowfirst": [["JOB_MEMORY", "1024", "Memory (MB)", ""], ["JOB_TIME", "10", "Time (minutes)", ""],
                    ["JOB_PRELUDE", "mkdir ../first-job-started 2>/dev/null && sleep 600 || true", "", ""]],
                "slow": [["JOB_MEMORY", "1024", "Memory (MB)", ""], ["JOB_TIME", "10", "Time (minutes)", ""],
                    ["JOB_PRELUDE", "mkdir ../first-job-started 2>/dev/null && sleep 12 || true", "", ""]]
                }
            QUEUES_DEFAULT = {"PARTITION": "debug", "JOB_PRELUDE": "true", "BATCH_MAX_WAIT": "1", "JOB_RETRIES": "2"}
            """;
}
