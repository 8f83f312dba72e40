package org.scipionj.core.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.SourceProtocol;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.workflow.Graphs;

/**
 * Processes one project in this process: a driver thread per scheduled run, plus a watcher that takes stop and
 * close-stream requests written to the database by other processes. Ends when every run has ended. Thread-safe.
 */
public final class ProjectSession implements Session {

    static final Duration REQUEST_POLL = Duration.ofMillis(250);

    private final EngineEnv env;
    private final ProcessingLock lock;
    private final Map<Long, RunDriver> drivers = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread watcher;
    private volatile boolean stopping;

    private ProjectSession(EngineEnv env, ProcessingLock lock) {
        this.env = env;
        this.lock = lock;
        this.watcher = new Thread(this::watch, "scipion-session-" + env.projectDir().getFileName());
        this.watcher.setDaemon(true);
    }

    /** Takes the project's processing lock and starts every scheduled, waiting or running run. */
    public static ProjectSession start(EngineEnv env) {
        ProcessingLock lock = ProcessingLock.acquire(env.projectDir());
        ProjectSession session = new ProjectSession(env, lock);
        try {
            session.startRuns();
        } catch (RuntimeException | InterruptedException e) {
            lock.close();
            throw new IllegalStateException("cannot start project " + env.projectDir().getFileName() + ": " + e, e);
        }
        session.watcher.start();
        return session;
    }

    private void startRuns() throws InterruptedException {
        Map<Long, RunRecord> active = new LinkedHashMap<>();
        for (RunRecord r : env.store().runs()) {
            if (r.status() == RunStatus.SCHEDULED || r.status() == RunStatus.WAITING
                    || r.status() == RunStatus.RUNNING) {
                active.put(r.id(), r);
            }
        }
        List<Long> order = Graphs.topological(active.keySet(),
                id -> Graphs.upstream(active.get(id).inputs(), active.get(id).engine()));
        for (Long id : order) {
            RunRecord run = active.get(id);
            Optional<Protocol> protocol = RunDriver.protocolOf(env, run, () -> stopping);
            if (protocol.isEmpty()) {
                String reason = "protocol " + run.protocolId() + " (" + run.className() + ") is not installed; "
                        + "install its plugin and continue the run";
                env.store().setStatus(id, RunStatus.FAILED, reason);
                continue;
            }
            RunDriver driver = null;
            if (protocol.get() instanceof SourceProtocol s) {
                driver = new SourceDriver(env, run, s);
            } else if (protocol.get() instanceof ItemProtocol i) {
                driver = new ItemDriver(env, run, i);
            } else if (protocol.get() instanceof org.scipionj.api.protocol.MonitorProtocol m) {
                driver = new MonitorDriver(env, run, m);
            }
            if (driver == null) {
                env.store().setStatus(id, RunStatus.FAILED, "protocol " + run.protocolId()
                        + " is neither a source, a per-item protocol nor a monitor");
                continue;
            }
            drivers.put(id, driver);
        }
        for (RunDriver d : drivers.values()) {
            Thread t = new Thread(d, "scipion-run-" + d.id());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void watch() {
        try {
            while (true) {
                boolean alive = false;
                for (Thread t : threads) {
                    alive |= t.isAlive();
                }
                if (!alive) {
                    break;
                }
                for (Map.Entry<Long, String> request : env.store().takeRequests()) {
                    handle(request.getKey(), request.getValue());
                }
                for (Thread t : threads) {
                    t.join(REQUEST_POLL.toMillis());
                    if (t.isAlive()) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("scipion: session watcher failed: " + e);
            abortAll();
            joinAll();
        } finally {
            lock.close();
            ended.countDown();
        }
    }

    private void handle(long runId, String kind) {
        List<RunDriver> targets = runId == 0 ? new ArrayList<>(drivers.values())
                : Optional.ofNullable(drivers.get(runId)).map(List::of).orElse(List.of());
        for (RunDriver d : targets) {
            if ("stop".equals(kind)) {
                d.abort();
            } else if ("close-stream".equals(kind)) {
                d.closeStream();
            }
        }
    }

    /** Asks one run to stop. */
    public void abort(long runId) {
        handle(runId, "stop");
    }

    /** Asks one source run to close its stream. */
    public void closeStream(long runId) {
        handle(runId, "close-stream");
    }

    private void abortAll() {
        stopping = true;
        drivers.values().forEach(RunDriver::abort);
    }

    private void joinAll() {
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        abortAll();
        joinAll();
        try {
            ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        drivers.values().forEach(RunDriver::detach);
        joinAll();
        try {
            ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isEnded() {
        return ended.getCount() == 0;
    }
}
