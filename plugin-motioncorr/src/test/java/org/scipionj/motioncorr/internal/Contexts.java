package org.scipionj.motioncorr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;
import org.scipionj.core.internal.workflow.ParamValues;

/** A run and item context without an engine, for calling a processor directly. */
final class Contexts {

    private Contexts() {
    }

    /** The run's parameters from workflow-style values, checked as a project would. */
    static Parameters parameters(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        Parameters p = ParamValues.parameters(new ProtMotionCorr().descriptor(), values, problems);
        problems.addAll(new ProtMotionCorr().validate(p));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return p;
    }

    /** The parameters without the protocol's own validation (to test it). */
    static Parameters parametersUnchecked(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        Parameters p = ParamValues.parameters(new ProtMotionCorr().descriptor(), values, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return p;
    }

    static Run run(Path dir, Map<String, Object> values, int threads) throws Exception {
        Files.createDirectories(dir.resolve("extra"));
        return new Run(dir, parameters(values), threads);
    }

    /** A run context that keeps its log lines. */
    static final class Run implements RunContext {
        final Path dir;
        final Parameters parameters;
        final int threads;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Run(Path dir, Parameters parameters, int threads) {
            this.dir = dir;
            this.parameters = parameters;
            this.threads = threads;
        }

        @Override
        public long runId() {
            return 2;
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public Path runDir() {
            return dir;
        }

        @Override
        public Path outputDir() {
            return dir.resolve("extra");
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public RunLog log() {
            return new RunLog() {
                @Override
                public void info(String message) {
                    lines.add(message);
                }

                @Override
                public void warn(String message) {
                    lines.add("WARN " + message);
                }

                @Override
                public void error(String message, Throwable cause) {
                    lines.add("ERROR " + message);
                }
            };
        }

        @Override
        public boolean isStopRequested() {
            return false;
        }

        /** An item context of this run. */
        Ctx item() {
            return new Ctx(this);
        }
    }

    /** An item context that keeps its log lines. */
    static final class Ctx implements ItemContext {
        final Run run;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        volatile boolean cancelled;

        Ctx(Run run) {
            this.run = run;
        }

        @Override
        public RunContext run() {
            return run;
        }

        @Override
        public Path outputDir() {
            return run.outputDir();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public List<Item> related(String inputSlot, long groupId) {
            throw new IllegalArgumentException("no secondary inputs");
        }
    }
}
