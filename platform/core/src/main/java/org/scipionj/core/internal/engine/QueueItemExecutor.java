package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.executor.ClusterExecutor;
import org.scipionj.api.executor.JobSpec;
import org.scipionj.api.executor.JobStatus;
import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.RunLog;
import org.scipionj.api.stream.Entry;
import org.scipionj.core.internal.ClusterExecutors;
import org.scipionj.core.internal.store.ItemCodec;

/**
 * Sends a run's items to a cluster in batch jobs instead of this machine's threads. Items are grouped into jobs
 * of {@code BATCH_SIZE}, or fewer once the oldest has waited {@code BATCH_MAX_WAIT} seconds or the input is done;
 * each job runs the distribution's worker on a {@link QueueBatch} file. One thread per run submits jobs, polls
 * their states, and when a job ends hands each item's result to the {@link Sink} (which commits it as a local run
 * does); items without a result (the job failed, timed out or was cancelled) are submitted again up to
 * {@code JOB_RETRIES} times, then failed with the batch system's reason. Jobs are recorded in {@link QueueJobs},
 * so a restarted runtime re-attaches to them ({@link #reattach()}). Thread-safe.
 */
final class QueueItemExecutor implements AutoCloseable {

    /** Where results go: exactly one call per item handed over. */
    interface Sink {
        /** The item's final result, to commit. */
        void finished(Entry<? extends Item> entry, ItemResult result, String log, long millis);

        /** The item is left unprocessed (stopped, or the runtime shuts down): it is processed on resume. */
        void abandoned(Entry<? extends Item> entry);
    }

    /** What the executor needs from its run. */
    record RunSide(long runId, String protocolId, String className, Map<String, Object> params, int threads,
                   Path projectDir, Path runDir, RunLog log, ItemCodec codec) {
    }

    private record Job(long batch, String jobId, Path folder, List<QueueBatch.Member> members) {
    }

    private final RunSide run;
    private final String executorName;
    private final ClusterExecutor cluster;
    private final ClusterExecutors executors;
    private final QueueSettings settings;
    private final Map<String, String> params;
    private final QueueJobs jobs;
    private final int batchSize;
    private final long maxWaitMillis;
    private final int retries;
    private final long pollMillis;
    private final Sink sink;
    private final Object lock = new Object();
    private final Deque<QueueBatch.Member> pending = new ArrayDeque<>();
    private final Map<Long, StringBuilder> notes = new HashMap<>();
    private final List<Job> live = new ArrayList<>();
    private long oldestPendingNanos;
    private boolean inputDone;
    private boolean cancelRequested;
    private boolean detachRequested;
    private boolean pollFailing;
    private final Thread thread;

    QueueItemExecutor(RunSide run, String executorName, ClusterExecutor cluster, ClusterExecutors executors,
                      QueueSettings settings, Sink sink) {
        this.run = run;
        this.executorName = executorName;
        this.cluster = cluster;
        this.executors = executors;
        this.settings = settings;
        this.params = settings.effective(cluster.queueParameters(settings.queue()));
        this.batchSize = (int) Math.max(1, QueueSettings.number(params, QueueSettings.BATCH_SIZE, 4));
        this.maxWaitMillis = Math.max(0, QueueSettings.number(params, QueueSettings.BATCH_MAX_WAIT, 30)) * 1000;
        this.retries = (int) Math.max(0, QueueSettings.number(params, QueueSettings.JOB_RETRIES, ItemDriver.RETRIES));
        this.pollMillis = Math.max(200, QueueSettings.number(params, QueueSettings.POLL_SECONDS, 2) * 1000);
        this.sink = sink;
        this.jobs = new QueueJobs(run.projectDir().resolve("project.sqlite"));
        this.thread = new Thread(this::loop, "scipion-queue-" + run.runId());
        this.thread.setDaemon(true);
    }

    /** The queue this run uses, for the log. */
    String describe() {
        String queue = settings.queue() == null ? cluster.defaultQueue() : settings.queue();
        return executorName + " queue '" + queue + "' (batches of " + batchSize + ", waiting at most "
                + maxWaitMillis / 1000 + " s, " + retries + " retries) with " + params;
    }

    /**
     * Takes over the jobs an earlier runtime submitted for this run and starts following them; returns their
     * items, which the caller must count as in flight and not hand over again. Call once, before {@link #add}.
     */
    List<Entry<? extends Item>> reattach() throws IOException {
        List<Entry<? extends Item>> taken = new ArrayList<>();
        for (QueueJobs.Job row : jobs.of(run.runId())) {
            QueueBatch.Batch batch;
            try {
                batch = QueueBatch.read(row.folder(), run.codec());
            } catch (IOException | RuntimeException e) {
                run.log().warn("batch " + row.batch() + " (" + row.folder() + ") cannot be read (" + e.getMessage()
                        + "); its items are processed again");
                jobs.remove(run.runId(), row.batch());
                continue;
            }
            batch.members().forEach(m -> taken.add(m.entry()));
            if (row.jobId() == null) {
                run.log().warn("batch " + row.batch() + " was being submitted when the runtime stopped; submitting it again");
                jobs.remove(run.runId(), row.batch());
                synchronized (lock) {
                    batch.members().forEach(this::enqueue);
                }
            } else {
                run.log().info("re-attached " + executorName + " job " + row.jobId() + " (batch " + row.batch() + ", "
                        + batch.members().size() + " items)");
                live.add(new Job(row.batch(), row.jobId(), row.folder(), batch.members()));
            }
        }
        thread.start();
        return taken;
    }

    /** Hands over one item, ready to process (its secondary inputs are there). */
    void add(Entry<? extends Item> entry, Map<String, List<Item>> related) {
        synchronized (lock) {
            enqueue(new QueueBatch.Member(entry, 0, related));
            lock.notifyAll();
        }
    }

    /** No more items will come: submit a partial batch now. */
    void inputDone() {
        synchronized (lock) {
            inputDone = true;
            lock.notifyAll();
        }
    }

    /** Stops the run: cancels its jobs, commits results already written, abandons the rest. */
    void cancel() {
        synchronized (lock) {
            cancelRequested = true;
            lock.notifyAll();
        }
    }

    /** The runtime shuts down: stops following the jobs, which keep running and are re-attached at the next start. */
    @Override
    public void close() {
        synchronized (lock) {
            detachRequested = true;
            lock.notifyAll();
        }
        // NB: the driver thread may carry an interrupt (a stop): still wait for the executor's thread to finish
        boolean interrupted = false;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        jobs.close();
    }

    private void enqueue(QueueBatch.Member m) {
        if (pending.isEmpty()) {
            oldestPendingNanos = System.nanoTime();
        }
        pending.add(m);
    }

    // -- the executor's thread --

    private void loop() {
        try {
            while (true) {
                List<List<QueueBatch.Member>> toSubmit = new ArrayList<>();
                synchronized (lock) {
                    if (cancelRequested) {
                        break;
                    }
                    if (detachRequested) {
                        abandonAll(false);
                        return;
                    }
                    boolean waitedEnough = !pending.isEmpty()
                            && System.nanoTime() - oldestPendingNanos >= maxWaitMillis * 1_000_000L;
                    while (pending.size() >= batchSize || (!pending.isEmpty() && (inputDone || waitedEnough))) {
                        List<QueueBatch.Member> batch = new ArrayList<>();
                        while (batch.size() < batchSize && !pending.isEmpty()) {
                            batch.add(pending.poll());
                        }
                        toSubmit.add(batch);
                    }
                    if (!toSubmit.isEmpty()) {
                        oldestPendingNanos = System.nanoTime(); // NB: a leftover partial batch waits anew
                    }
                }
                for (List<QueueBatch.Member> batch : toSubmit) {
                    submit(batch);
                }
                poll();
                synchronized (lock) {
                    if (!cancelRequested && !detachRequested) {
                        long wait = pollMillis;
                        if (!pending.isEmpty()) {
                            long left = maxWaitMillis - (System.nanoTime() - oldestPendingNanos) / 1_000_000L;
                            wait = Math.max(1, Math.min(wait, left));
                        }
                        lock.wait(wait);
                    }
                }
            }
            cancelJobs();
        } catch (InterruptedException e) {
            abandonAll(false);
        } catch (RuntimeException e) {
            run.log().error("the " + executorName + " executor of run " + run.runId() + " failed; its items are "
                    + "processed again when the run is continued", e);
            abandonAll(false);
        }
    }

    private void submit(List<QueueBatch.Member> members) {
        long batch = jobs.add(run.runId(), executorName, this::folderOf);
        Path folder = folderOf(batch);
        String jobId;
        try {
            Files.createDirectories(folder);
            QueueBatch.write(folder, new QueueBatch.Header(run.projectDir(), run.runId(), run.protocolId(),
                    run.className(), run.params(), run.threads(), run.runDir()), members, run.codec());
            String queue = settings.queue() == null ? cluster.defaultQueue() : settings.queue();
            String name = "scipion-" + run.projectDir().getFileName() + "-r" + run.runId() + "-b" + batch;
            jobId = cluster.submit(new JobSpec(name.replaceAll("[^A-Za-z0-9._-]", "_"), queue, params, run.threads(),
                    executors.workerCommand(folder.resolve(QueueBatch.BATCH_FILE)), folder, folder.resolve("job")));
        } catch (IOException | RuntimeException e) {
            jobs.remove(run.runId(), batch);
            String reason = "cannot submit batch " + batch + " to " + executorName + ": " + e.getMessage();
            run.log().error(reason, null);
            jobEnded(new Job(batch, null, folder, members), reason);
            return;
        }
        jobs.setJobId(run.runId(), batch, jobId);
        live.add(new Job(batch, jobId, folder, members));
        run.log().info("submitted " + executorName + " job " + jobId + " (batch " + batch + ": " + members.size()
                + " items, seq " + members.get(0).entry().seq() + "..." + members.get(members.size() - 1).entry().seq() + ")");
    }

    private Path folderOf(long batch) {
        return run.runDir().resolve("queue").resolve(String.format("batch-%06d", batch));
    }

    private void poll() {
        if (live.isEmpty()) {
            return;
        }
        Map<String, JobStatus> states;
        try {
            states = cluster.status(live.stream().map(Job::jobId).toList());
            if (pollFailing) {
                run.log().info(executorName + " answers again");
                pollFailing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!pollFailing) {
                run.log().warn("cannot ask " + executorName + " for the state of jobs " + live.stream().map(Job::jobId)
                        .toList() + ": " + e.getMessage() + "; asking again every " + pollMillis / 1000 + " s");
                pollFailing = true;
            }
            return;
        }
        for (Job job : new ArrayList<>(live)) {
            JobStatus s = states.get(job.jobId());
            if (s != null && s.state().isEnded()) {
                live.remove(job);
                String reason = s.state() == JobStatus.State.COMPLETED
                        ? executorName + " job " + job.jobId() + " completed without a result for this item (see "
                          + job.folder().resolve("job.err") + ")"
                        : executorName + " job " + job.jobId() + " " + s.detail() + errTail(job);
                if (s.state() == JobStatus.State.FAILED) {
                    run.log().warn(executorName + " job " + job.jobId() + " ended: " + s.detail());
                }
                jobEnded(job, reason);
            }
        }
    }

    /** Commits what the job wrote; the other items are sent again or, out of retries, failed with {@code reason}. */
    private void jobEnded(Job job, String reason) {
        for (QueueBatch.Member m : job.members()) {
            Entry<? extends Item> e = m.entry();
            QueueBatch.Result r = readResult(job, e.seq());
            if (r != null && r.result().kind() != ItemResult.Kind.CANCELLED) {
                sink.finished(e, r.result(), notesOf(e.seq()) + r.log(), r.millis());
                continue;
            }
            String note = "attempt " + (m.attempt() + 1) + ": " + reason;
            if (m.attempt() < retries) {
                notes.computeIfAbsent(e.seq(), k -> new StringBuilder()).append(note).append('\n');
                run.log().info("item " + e.item().id() + " goes to a new job (" + (retries - m.attempt())
                        + " retries left): " + reason);
                synchronized (lock) {
                    enqueue(new QueueBatch.Member(e, m.attempt() + 1, m.related()));
                }
            } else {
                sink.finished(e, ItemResult.failed(reason, false), notesOf(e.seq()), 0);
            }
        }
        if (job.jobId() != null) {
            jobs.remove(run.runId(), job.batch());
        }
    }

    private QueueBatch.Result readResult(Job job, long seq) {
        try {
            return QueueBatch.readResult(job.folder(), seq, run.codec()).orElse(null);
        } catch (IOException | RuntimeException e) {
            run.log().warn("unreadable result of item seq " + seq + " in " + job.folder() + ": " + e.getMessage());
            return null;
        }
    }

    private String notesOf(long seq) {
        StringBuilder b = notes.remove(seq);
        return b == null ? "" : b.toString();
    }

    private void cancelJobs() {
        for (Job job : live) {
            try {
                cluster.cancel(job.jobId());
                run.log().info("cancelled " + executorName + " job " + job.jobId());
            } catch (IOException | RuntimeException e) {
                run.log().warn("cannot cancel " + executorName + " job " + job.jobId() + ": " + e.getMessage());
            }
        }
        for (Job job : live) {
            for (QueueBatch.Member m : job.members()) {
                QueueBatch.Result r = readResult(job, m.entry().seq());
                if (r != null && r.result().kind() != ItemResult.Kind.CANCELLED) {
                    sink.finished(m.entry(), r.result(), notesOf(m.entry().seq()) + r.log(), r.millis());
                } else {
                    sink.abandoned(m.entry());
                }
            }
            jobs.remove(run.runId(), job.batch());
        }
        live.clear();
        abandonAll(true);
    }

    /** Abandons the pending items and (unless {@code pendingOnly}) the live jobs' items, whose rows stay. */
    private void abandonAll(boolean pendingOnly) {
        List<QueueBatch.Member> left;
        synchronized (lock) {
            left = new ArrayList<>(pending);
            pending.clear();
        }
        if (!pendingOnly) {
            live.forEach(j -> left.addAll(j.members()));
            live.clear();
        }
        left.forEach(m -> sink.abandoned(m.entry()));
    }

    private static String errTail(Job job) {
        Path err = job.folder().resolve("job.err");
        try {
            if (Files.isRegularFile(err) && Files.size(err) > 0) {
                List<String> lines = Files.readAllLines(err);
                String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).trim();
                return tail.isEmpty() ? "" : "; job.err: " + (tail.length() > 500 ? tail.substring(tail.length() - 500) : tail);
            }
        } catch (IOException e) {
            // NB: the log is a courtesy; the state is the reason
        }
        return "";
    }
}
