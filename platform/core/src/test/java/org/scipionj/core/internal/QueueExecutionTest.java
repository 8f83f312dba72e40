package org.scipionj.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.executor.ClusterExecutor;
import org.scipionj.api.executor.JobSpec;
import org.scipionj.api.executor.JobStatus;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.Entry;
import org.scipionj.core.internal.engine.QueueWorker;
import org.scipionj.core.internal.store.ItemCodec;

/**
 * The engine's queue path with a batch system simulated in this JVM (jobs run {@link QueueWorker} on their batch
 * file on a thread): batching, collection, retry of a failed job, cancel on stop, re-attach after a restart. The
 * real SLURM is tested in the distribution (SlurmIT).
 */
class QueueExecutionTest {

    static final String WORKFLOW = """
            [
              {"object.className": "TestSource", "object.id": "2", "frames": 7},
              {"object.className": "ProtTestAlign", "object.id": "5", "inputMovies": "2.outputMovies",
               "numberOfThreads": 1, "_useQueue": %s,
               "_queueParams": "[\\"fast\\", {\\"BATCH_SIZE\\": \\"2\\", \\"BATCH_MAX_WAIT\\": \\"%d\\", \\"POLL_SECONDS\\": \\"0\\"}]"}
            ]""";

    @TempDir
    Path userData;
    DefaultProtocolRegistry registry;
    TestProtocols.QueueSource source;
    FakeCluster cluster;
    DefaultProjectService projects;

    @BeforeEach
    void setUp() throws IOException {
        registry = new DefaultProtocolRegistry();
        source = new TestProtocols.QueueSource();
        registry.add(source, "test 1.0");
        registry.add(new TestProtocols.Align(), "test 1.0");
        Path home = Files.createDirectories(userData.resolve("home/lib"));
        Files.createFile(home.resolve("launcher.jar"));
        ClusterExecutors executors = new ClusterExecutors(home.getParent(), userData);
        cluster = new FakeCluster(registry);
        executors.add(cluster, Map.of(ClusterExecutor.NAME_PROPERTY, "fake"));
        projects = new DefaultProjectService(userData, registry, 2, executors);
    }

    @Test
    void itemsGoInBatchJobsAndGiveWhatTheLocalExecutorGives() throws Exception {
        Map<Long, String> local = runAll("local", false);
        assertEquals(0, cluster.submitted.size());
        Map<Long, String> queued = runAll("queued", true);
        assertEquals(local, queued);
        assertEquals(3, cluster.submitted.size(), "5 items in batches of 2: " + cluster.submitted);
        assertEquals("fast", cluster.submitted.get(0).queue());
        assertEquals("1024", cluster.submitted.get(0).params().get("JOB_MEMORY"), "the queue's configured value");
        assertEquals("2", cluster.submitted.get(0).params().get("BATCH_SIZE"), "the run's override");
        List<String> cmd = cluster.submitted.get(0).command();
        assertEquals(List.of("worker", "--batch"), cmd.subList(cmd.size() - 3, cmd.size() - 1));
    }

    @Test
    void aFailedJobsItemsAreRetriedWithTheReasonInTheirLog() throws Exception {
        cluster.failFirst = true;
        try (Project p = projects.create("p", WORKFLOW.formatted(true, 0), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
            RunInfo run = p.run(5).orElseThrow();
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(2, run.done());
            assertEquals(0, run.failed());
            assertEquals(2, cluster.submitted.size(), "the failed job and its retry");
            String log = Files.readString(runDir(p).resolve("logs/run.log"));
            assertTrue(log.contains("fake job f1 ended: TIMEOUT (exit code 0:0)"), log);
        }
    }

    @Test
    void outOfRetriesTheItemsFailWithTheBatchSystemsReason() throws Exception {
        cluster.failAll = true;
        try (Project p = projects.create("p", WORKFLOW.formatted(true, 0), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
            assertEquals(1, p.run(5).orElseThrow().failed());
            assertEquals(3, cluster.submitted.size(), "the first job and 2 retries");
            String reason = p.failures(5, 10).get(0).getValue();
            assertEquals("fake job f3 TIMEOUT (exit code 0:0)", reason);
        }
    }

    @Test
    void stoppingARunCancelsItsJobs() throws Exception {
        cluster.hold = new CountDownLatch(1);
        try (Project p = projects.create("p", WORKFLOW.formatted(true, 30), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b"));
            awaitTrue(() -> cluster.running() == 1, () -> "a running job; log: " + log(p));
            p.requestStop(5);
            awaitTrue(() -> p.run(5).orElseThrow().status() == RunStatus.ABORTED, "the run stopped");
            assertEquals(List.of("f1"), cluster.cancelled);
            assertEquals(0, p.run(5).orElseThrow().done(), "nothing recorded: processed on continue");
            source.feed.add("END");
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aRestartReattachesToTheRunningJobInsteadOfSubmittingAgain() throws Exception {
        cluster.hold = new CountDownLatch(1);
        try (Project p = projects.create("p", WORKFLOW.formatted(true, 30), "test")) {
            p.schedule();
            Session first = p.start();
            source.feed.addAll(List.of("a", "b", "END"));
            awaitTrue(() -> cluster.running() == 1, "a running job");
            first.shutdown(); // NB: the runtime stops; the job goes on
            assertEquals(RunStatus.RUNNING, p.run(5).orElseThrow().status());
            Session second = p.start();
            awaitTrue(() -> {
                try {
                    return Files.readString(runDir(p).resolve("logs/run.log")).contains("re-attached fake job f1");
                } catch (IOException e) {
                    return false;
                }
            }, "the re-attached job in the log");
            cluster.hold.countDown();
            assertTrue(second.awaitEnd(Duration.ofSeconds(30)));
            assertEquals(2, p.run(5).orElseThrow().done());
            assertEquals(1, cluster.submitted.size(), () -> "a and b in one job, not submitted twice; log: " + log(p));
            assertEquals(List.of(), cluster.cancelled);
        }
    }

    @Test
    void aWorkflowWithMalformedQueueParametersIsRejectedWhenRead() {
        String workflow = WORKFLOW.formatted(true, 1).replaceFirst("\"_queueParams\": \"[^\n]*\"",
                "\"_queueParams\": \"[fast, 2]\"");
        org.scipionj.api.project.ScipionException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.scipionj.api.project.ScipionException.class, () -> projects.create("bad", workflow, "test"));
        assertTrue(e.getMessage().contains("_queueParams is not JSON like [\"queue\", {\"JOB_MEMORY\": \"8192\"}]"),
                e.getMessage());
        String list = WORKFLOW.formatted(true, 1).replaceFirst("\"_queueParams\": \"[^\n]*\"",
                "\"_queueParams\": \"[\\\\\"fast\\\\\", 2]\"");
        e = org.junit.jupiter.api.Assertions.assertThrows(org.scipionj.api.project.ScipionException.class,
                () -> projects.create("bad2", list, "test"));
        assertTrue(e.getMessage().contains("_queueParams must be [\"queue\", {parameters}], not [fast, 2]"), e.getMessage());
    }

    private Map<Long, String> runAll(String name, boolean queued) throws Exception {
        try (Project p = projects.create(name, WORKFLOW.formatted(queued, 1), "test")) {
            p.schedule();
            Session s = p.start();
            source.feed.addAll(List.of("a", "b", "c", "d", "e-fail", "END"));
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
            RunInfo run = p.run(5).orElseThrow();
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(4, run.done());
            assertEquals(1, run.failed());
            assertEquals("cannot align /data/e-fail", p.failures(5, 10).get(0).getValue());
            Map<Long, String> out = new LinkedHashMap<>();
            for (Entry<?> e : p.set("5.outputMicrographs").orElseThrow().read(0, 100)) {
                out.put(e.item().id(), new ItemCodec().encode(e.item()));
            }
            return new java.util.TreeMap<>(out);
        }
    }

    private static Path runDir(Project p) {
        return p.dir().resolve("Runs/000005_ProtTestAlign");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what.get());
    }

    private static String log(Project p) {
        try {
            return Files.readString(runDir(p).resolve("logs/run.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A batch system in this JVM: a job runs the worker on its batch file on its own thread. */
    static final class FakeCluster implements ClusterExecutor {
        final List<JobSpec> submitted = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        final Map<String, JobStatus> states = new ConcurrentHashMap<>();
        final DefaultProtocolRegistry registry;
        volatile boolean failFirst;
        volatile boolean failAll;
        volatile CountDownLatch hold;

        FakeCluster(DefaultProtocolRegistry registry) {
            this.registry = registry;
        }

        long running() {
            return states.values().stream().filter(s -> s.state() == JobStatus.State.RUNNING).count();
        }

        @Override
        public String defaultQueue() {
            return "fast";
        }

        @Override
        public Map<String, String> queueParameters(String queue) {
            return Map.of("JOB_MEMORY", "1024", "BATCH_SIZE", "8");
        }

        @Override
        public synchronized String submit(JobSpec job) {
            submitted.add(job);
            String id = "f" + submitted.size();
            if (failAll || (failFirst && submitted.size() == 1)) {
                states.put(id, new JobStatus(JobStatus.State.FAILED, "TIMEOUT (exit code 0:0)"));
                return id;
            }
            states.put(id, new JobStatus(JobStatus.State.RUNNING, "RUNNING"));
            Path batch = Path.of(job.command().get(job.command().size() - 1));
            Thread t = new Thread(() -> {
                try {
                    CountDownLatch h = hold;
                    if (h != null) {
                        h.await();
                    }
                    if (states.get(id).state() != JobStatus.State.RUNNING) {
                        return; // NB: cancelled while held
                    }
                    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
                    int code = new QueueWorker(registry, new ItemCodec()).run(batch, sink, sink);
                    states.put(id, new JobStatus(code == 0 ? JobStatus.State.COMPLETED : JobStatus.State.FAILED,
                            "exit code " + code));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.setDaemon(true);
            t.start();
            return id;
        }

        @Override
        public Map<String, JobStatus> status(Collection<String> jobIds) {
            Map<String, JobStatus> out = new LinkedHashMap<>();
            jobIds.forEach(id -> out.put(id, states.getOrDefault(id, new JobStatus(JobStatus.State.FAILED, "unknown"))));
            return out;
        }

        @Override
        public synchronized void cancel(String jobId) {
            cancelled.add(jobId);
            states.put(jobId, new JobStatus(JobStatus.State.FAILED, "CANCELLED"));
        }
    }
}
