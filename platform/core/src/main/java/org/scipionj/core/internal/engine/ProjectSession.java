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
    private final Map<Long, RunDriver> drivers = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs whose plugin left (uninstalled or updated), detached: when their thread ended, and until when to wait. */
    private final Map<Long, long[]> replacing = new java.util.concurrent.ConcurrentHashMap<>();
    static final Duration PLUGIN_WAIT = Duration.ofSeconds(30);
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
            RunDriver driver = driver(run, protocol.get());
            if (driver == null) {
                env.store().setStatus(id, RunStatus.FAILED, "protocol " + run.protocolId()
                        + " is neither a source, a per-item protocol nor a monitor");
                continue;
            }
            drivers.put(id, driver);
        }
        for (RunDriver d : List.copyOf(drivers.values())) {
            launch(d);
        }
    }

    private RunDriver driver(RunRecord run, Protocol protocol) {
        if (protocol instanceof SourceProtocol s) {
            return new SourceDriver(env, run, s);
        } else if (protocol instanceof ItemProtocol i) {
            return new ItemDriver(env, run, i);
        } else if (protocol instanceof org.scipionj.api.protocol.MonitorProtocol m) {
            return new MonitorDriver(env, run, m);
        }
        return null;
    }

    private final Map<Long, Thread> runThreads = new java.util.concurrent.ConcurrentHashMap<>();

    private void launch(RunDriver d) {
        Thread t = new Thread(d, "scipion-run-" + d.id());
        t.setDaemon(true);
        runThreads.put(d.id(), t);
        threads.add(t);
        t.start();
    }

    /**
     * Follows plugin changes (installp/uninstallp in a running runtime): a run whose protocol left the registry is
     * detached (committed work kept, in-flight items redone) and, once the protocol is back (an upgrade), started
     * again with the installed version; if it does not come back within {@link #PLUGIN_WAIT}, the run ends ABORTED
     * with the reason. Called from the watcher thread only.
     */
    private void followPlugins() {
        if (stopping) {
            return;
        }
        List<Protocol> installed = env.registry().protocols();
        for (RunDriver d : List.copyOf(drivers.values())) {
            Thread t = runThreads.get(d.id());
            if (!replacing.containsKey(d.id()) && t != null && t.isAlive() && !installed.contains(d.protocol)) {
                d.log.info("the plugin providing " + d.run.className() + " was uninstalled or updated: the run "
                        + "stops here and resumes with the installed version");
                d.detach();
                replacing.put(d.id(), new long[] {0});
            }
        }
        for (var it = replacing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, long[]> e = it.next();
            long id = e.getKey();
            if (runThreads.get(id).isAlive()) {
                continue;
            }
            if (e.getValue()[0] == 0) {
                e.getValue()[0] = System.nanoTime() + PLUGIN_WAIT.toNanos();
            }
            Optional<RunRecord> run = env.store().run(id);
            Optional<Protocol> protocol = run.flatMap(r -> env.registry().find(r.protocolId()));
            RunDriver next = protocol.isPresent() ? driver(run.get(), protocol.get()) : null;
            if (next != null) {
                it.remove();
                drivers.put(id, next);
                launch(next);
            } else if (System.nanoTime() > e.getValue()[0]) {
                it.remove();
                env.store().setStatus(id, RunStatus.ABORTED, "the plugin providing "
                        + run.map(RunRecord::className).orElse("run " + id) + " was uninstalled; install it and "
                        + "continue the run");
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                followPlugins();
                boolean alive = !replacing.isEmpty();
                for (Thread t : threads) {
                    alive |= t.isAlive();
                }
                if (!alive) {
                    break;
                }
                for (Map.Entry<Long, String> request : env.store().takeRequests()) {
                    handle(request.getKey(), request.getValue());
                }
                boolean waited = false;
                for (Thread t : threads) {
                    if (t.isAlive()) {
                        t.join(REQUEST_POLL.toMillis());
                        waited = true;
                        break;
                    }
                }
                if (!waited) {
                    Thread.sleep(REQUEST_POLL.toMillis()); // NB: only runs waiting for their plugin are left
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
        if ("stop".equals(kind)) {
            for (Long waiting : List.copyOf(replacing.keySet())) {
                if (runId == 0 || runId == waiting) {
                    replacing.remove(waiting); // NB: detached, waiting for its plugin: nothing runs, it just ends
                    env.store().setStatus(waiting, RunStatus.ABORTED, null);
                }
            }
        }
        List<RunDriver> targets = runId == 0 ? List.copyOf(drivers.values())
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
        List.copyOf(drivers.values()).forEach(RunDriver::abort);
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
        List.copyOf(drivers.values()).forEach(RunDriver::detach);
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
