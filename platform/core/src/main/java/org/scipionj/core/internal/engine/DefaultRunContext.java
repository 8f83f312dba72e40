package org.scipionj.core.internal.engine;

import java.nio.file.Path;

import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;

/** The engine's {@link RunContext}. Thread-safe. */
final class DefaultRunContext implements RunContext {

    private final long runId;
    private final Parameters parameters;
    private final Path runDir;
    private final int threads;
    private final RunLog log;
    private volatile boolean stopRequested;

    DefaultRunContext(long runId, Parameters parameters, Path runDir, int threads, RunLog log) {
        this.runId = runId;
        this.parameters = parameters;
        this.runDir = runDir;
        this.threads = threads;
        this.log = log;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public Path outputDir() {
        return runDir.resolve("extra");
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public RunLog log() {
        return log;
    }

    @Override
    public boolean isStopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }
}
