package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scipionj.api.project.RunStatus;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.Slot;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.workflow.Graphs;
import org.scipionj.core.internal.workflow.ParamValues;

/**
 * Runs one run of a session on its own thread: waits for its inputs, opens its protocol, processes, closes its
 * outputs. A stop request aborts it (committed work is kept and it can be continued); an error fails it.
 * Subclasses supply the processing loop. Thread-safe.
 */
abstract class RunDriver implements Runnable {

    /** How long a run waits for its protocol's bundle to appear before failing. */
    static final Duration PROTOCOL_WAIT = Duration.ofSeconds(30);

    protected final EngineEnv env;
    protected final RunRecord run;
    protected final Protocol protocol;
    protected final Path runDir;
    protected final RunLogFile log;
    private volatile boolean aborting;
    private volatile boolean detaching;
    private volatile Thread thread;

    RunDriver(EngineEnv env, RunRecord run, Protocol protocol) {
        this.env = env;
        this.run = run;
        this.protocol = protocol;
        this.runDir = env.runDir(run.id(), run.className());
        this.log = new RunLogFile(runDir.resolve("logs").resolve("run.log"));
    }

    /** Finds the protocol of a run, waiting a while for its bundle; empty if it never appears. */
    static Optional<Protocol> protocolOf(EngineEnv env, RunRecord run, BooleanSupplierEx stopped)
            throws InterruptedException {
        long deadline = System.nanoTime() + PROTOCOL_WAIT.toNanos();
        while (true) {
            Optional<Protocol> p = env.registry().find(run.protocolId());
            if (p.isPresent() || System.nanoTime() > deadline || stopped.get()) {
                return p;
            }
            Thread.sleep(100); // NB: only while a bundle is still starting, not a streaming loop
        }
    }

    /** A condition that may be interrupted. */
    interface BooleanSupplierEx {
        boolean get();
    }

    long id() {
        return run.id();
    }

    /** Asks the run to stop: it ends ABORTED, keeping what it committed. */
    void abort() {
        aborting = true;
        // NB: workers first: an interrupted driver closes its queue executor at once, which must already know
        // that this is a stop (cancel the jobs) and not a shutdown (leave them running).
        onAbort();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Stops the run because the runtime shuts down: its status stays, so the next start resumes it. */
    void detach() {
        detaching = true;
        abort();
    }

    protected boolean isAborting() {
        return aborting;
    }

    /** Whether the abort is the runtime shutting down (the run resumes at the next start). */
    protected boolean isDetaching() {
        return detaching;
    }

    /** Hook for subclasses to propagate an abort to their workers. */
    protected void onAbort() {
    }

    /** Waits for work still in flight after an abort. */
    protected void afterAbort() {
    }

    /** Asks a source to close its outputs; ignored by other runs. */
    void closeStream() {
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        RunStatus status;
        String error = null;
        try {
            waitForInputs();
            Parameters params = parameters();
            Files.createDirectories(runDir.resolve("extra"));
            Files.createDirectories(runDir.resolve("logs"));
            env.store().setBundle(run.id(), env.registry().providerOf(protocol));
            for (Slot out : protocol.descriptor().outputs()) {
                env.store().ensureSet(setName(out.name()), run.id(), out.name(), out.itemType(), true);
            }
            env.store().setStatus(run.id(), RunStatus.RUNNING, null);
            log.info("running " + run.className() + " (" + protocol.descriptor().id() + ", "
                    + env.registry().providerOf(protocol) + ") with " + given(params));
            process(params);
            if (aborting) {
                throw new InterruptedException();
            }
            for (Slot out : protocol.descriptor().outputs()) {
                env.store().closeSet(setName(out.name()));
            }
            status = RunStatus.FINISHED;
            long[] counts = env.store().counts(run.id());
            log.info("finished: " + counts[0] + " done, " + counts[1] + " failed");
        } catch (InterruptedException e) {
            afterAbort();
            status = RunStatus.ABORTED;
            if (!detaching) {
                log.info("stopped by request; committed work is kept, continue the run to resume");
            }
        } catch (RunFailure e) {
            status = RunStatus.FAILED;
            error = e.getMessage();
            log.error(error, null);
        } catch (Exception | LinkageError e) {
            status = aborting ? RunStatus.ABORTED : RunStatus.FAILED;
            error = aborting ? null : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("run failed", e);
        }
        if (detaching && status == RunStatus.ABORTED) {
            log.info("runtime shutting down: the run resumes at the next start");
            return;
        }
        try {
            env.store().setStatus(run.id(), status, error);
        } catch (RuntimeException e) {
            log.error("cannot record the run's end (" + status + ")", e);
        }
    }

    /** The parameters worth logging: those with a value that have an effect. */
    private java.util.Map<String, Object> given(Parameters params) {
        java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
        protocol.descriptor().params().stream().filter(p -> !p.isIgnored() && params.has(p.name()))
                .forEach(p -> shown.put(p.name(), params.get(p.name())));
        return shown;
    }

    String setName(String slot) {
        return run.id() + "." + slot;
    }

    private Parameters parameters() throws RunFailure {
        List<String> problems = new ArrayList<>();
        Parameters params = ParamValues.parameters(protocol.descriptor(), run.params(), problems);
        if (problems.isEmpty()) {
            problems.addAll(protocol.validate(params));
        }
        if (!problems.isEmpty()) {
            throw new RunFailure("invalid parameters: " + String.join("; ", problems));
        }
        return params;
    }

    private void waitForInputs() throws InterruptedException {
        boolean announced = false;
        while (!inputsReady()) {
            if (!announced) {
                env.store().setStatus(run.id(), RunStatus.WAITING, null);
                log.info("waiting for inputs " + run.inputs().values() + prerequisitesText());
                announced = true;
            }
            Thread.sleep(100); // NB: only until the upstream run has started; items themselves are signalled
        }
    }

    private String prerequisitesText() {
        Object p = run.engine().get("_prerequisites");
        return p instanceof List<?> l && !l.isEmpty() ? " and prerequisites " + l : "";
    }

    private boolean inputsReady() {
        for (String pointer : run.inputs().values()) {
            if (pointer.contains(".") && env.store().set(pointer).isEmpty()) {
                return false;
            }
        }
        for (Long up : Graphs.upstream(java.util.Map.of(), run.engine())) {
            if (env.store().run(up).map(r -> r.status() != RunStatus.FINISHED).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** Processes until every input is closed and drained (or the source ends). */
    protected abstract void process(Parameters params) throws Exception;

    /** An error that fails the whole run, with a message for the user. */
    static final class RunFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RunFailure(String message) {
            super(message);
        }
    }

    /** Creates the run context for this run. */
    protected DefaultRunContext context(Parameters params) {
        int threads = (int) Math.max(1, run.engineLong("numberOfThreads", 1));
        return new DefaultRunContext(run.id(), params, runDir, Math.min(threads, env.budget().size()), log);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // NB: a leftover temporary file is harmless.
        }
    }
}
