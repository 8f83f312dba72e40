package org.scipionj.core.internal.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.project.RunInfo;
import org.scipionj.api.protocol.Monitor;
import org.scipionj.api.protocol.MonitorContext;
import org.scipionj.api.protocol.MonitorProtocol;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.stream.StreamingSet;
import org.scipionj.core.internal.RunInfos;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.store.SqlStreamingSet;

/** Drives a monitor: samples it on its own interval until it says it has finished. */
final class MonitorDriver extends RunDriver {

    private final Object wake = new Object();

    MonitorDriver(EngineEnv env, RunRecord run, MonitorProtocol protocol) {
        super(env, run, protocol);
    }

    @Override
    protected void process(Parameters params) throws Exception {
        DefaultRunContext ctx = context(params);
        Context monitorContext = new Context(ctx);
        try (Monitor monitor = ((MonitorProtocol) protocol).open(ctx)) {
            while (true) {
                if (isAborting()) {
                    throw new InterruptedException();
                }
                Poll poll = monitor.sample(monitorContext);
                if (poll.done()) {
                    return;
                }
                synchronized (wake) {
                    wake.wait(Math.max(1, poll.delay().toMillis()));
                }
            }
        }
    }

    /** The monitor's view of its project. */
    private final class Context implements MonitorContext {
        private final RunContext run;

        Context(RunContext run) {
            this.run = run;
        }

        @Override
        public RunContext run() {
            return run;
        }

        @Override
        public String projectName() {
            return env.projectDir().getFileName().toString();
        }

        @Override
        public Path projectDir() {
            return env.projectDir();
        }

        @Override
        public List<RunInfo> runs() {
            return RunInfos.all(env.store());
        }

        @Override
        public Optional<StreamingSet<?>> set(String name) {
            return SqlStreamingSet.open(env.store(), name);
        }

        @Override
        public void record(String name, Map<String, Double> values) {
            env.store().record(run.runId(), name, System.currentTimeMillis(), values);
        }

        @Override
        public List<Sample> series(String name) {
            List<Sample> samples = new ArrayList<>();
            env.store().series(run.runId(), name).forEach(e -> samples.add(new Sample(e.getKey(), e.getValue())));
            return samples;
        }
    }
}
