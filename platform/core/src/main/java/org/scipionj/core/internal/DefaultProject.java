package org.scipionj.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.StreamingSet;
import org.scipionj.core.internal.engine.EngineEnv;
import org.scipionj.core.internal.engine.ProcessingLock;
import org.scipionj.core.internal.engine.ProjectSession;
import org.scipionj.core.internal.engine.ThreadBudget;
import org.scipionj.core.internal.store.ProjectStore;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.store.SetRow;
import org.scipionj.core.internal.store.SqlStreamingSet;

/** An open project: its folder and database. Thread-safe. */
final class DefaultProject implements Project {

    private final String name;
    private final Path dir;
    private final ProjectStore store;
    private final ProtocolRegistry registry;
    private final ThreadBudget budget;
    private final ClusterExecutors executors;
    private volatile ProjectSession session;

    DefaultProject(String name, Path dir, ProjectStore store, ProtocolRegistry registry, ThreadBudget budget,
                   ClusterExecutors executors) {
        this.name = name;
        this.dir = dir;
        this.store = store;
        this.registry = registry;
        this.budget = budget;
        this.executors = executors;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public List<RunInfo> runs() {
        return RunInfos.all(store);
    }

    @Override
    public Optional<RunInfo> run(long runId) {
        return store.run(runId).map(r -> RunInfos.of(store, r));
    }

    @Override
    public Map<String, Long> processedBy(long runId) {
        return store.processedBy(runId);
    }

    @Override
    public List<Map.Entry<String, String>> failures(long runId, int max) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String[] f : store.failures(runId, max)) {
            out.add(Map.entry(f[0], f[1] == null ? "" : f[1]));
        }
        return out;
    }

    @Override
    public Optional<StreamingSet<?>> set(String setName) {
        return SqlStreamingSet.open(store, setName);
    }

    @Override
    public void schedule() {
        for (RunRecord r : store.runs()) {
            if (r.status() == RunStatus.NEW || r.status() == RunStatus.ABORTED || r.status() == RunStatus.FAILED) {
                store.setStatus(r.id(), RunStatus.SCHEDULED, null);
            }
        }
    }

    @Override
    public synchronized Session start() {
        if (session != null && !session.isEnded()) {
            throw new ScipionException("project " + name + " is already being processed in this runtime");
        }
        session = ProjectSession.start(new EngineEnv(store, registry, dir, budget, executors));
        return session;
    }

    @Override
    public boolean isProcessing() {
        ProjectSession s = session;
        return (s != null && !s.isEnded()) || ProcessingLock.isHeld(dir);
    }

    @Override
    public void requestStop(long runId) {
        ProjectSession s = session;
        if (s != null && !s.isEnded()) {
            s.abort(runId);
        } else if (ProcessingLock.isHeld(dir)) {
            store.request(runId, "stop");
        } else {
            for (RunRecord r : store.runs()) {
                if ((runId == 0 || r.id() == runId) && !r.status().isEnded() && r.status() != RunStatus.NEW) {
                    store.setStatus(r.id(), RunStatus.ABORTED, null);
                }
            }
        }
    }

    @Override
    public void requestCloseStream(long runId) {
        requireRun(runId);
        ProjectSession s = session;
        if (s != null && !s.isEnded()) {
            s.closeStream(runId);
        } else if (ProcessingLock.isHeld(dir)) {
            store.request(runId, "close-stream");
        } else {
            for (SetRow set : store.setsOf(runId)) {
                store.closeSet(set.name());
            }
            store.setStatus(runId, RunStatus.FINISHED, null);
        }
    }

    @Override
    public void continueRun(long runId) {
        RunRecord r = requireRun(runId);
        if (!r.status().isEnded()) {
            throw new ScipionException("run " + runId + " is " + r.status().label() + "; only a finished, failed or "
                    + "aborted run can be continued");
        }
        store.setStatus(runId, RunStatus.SCHEDULED, null);
    }

    @Override
    public long copyRun(long runId, Map<String, Object> changedParams) {
        RunRecord r = requireRun(runId);
        var protocol = registry.find(r.protocolId()).orElseThrow(() -> new ScipionException(
                "protocol " + r.protocolId() + " is not installed, so run " + runId + " cannot be copied"));
        Map<String, Object> params = new LinkedHashMap<>(r.params());
        for (Map.Entry<String, Object> e : changedParams.entrySet()) {
            var param = protocol.descriptor().param(e.getKey()).orElseThrow(() -> new ScipionException(
                    "unknown parameter '" + e.getKey() + "' for " + r.className()));
            try {
                org.scipionj.core.internal.workflow.ParamValues.convert(param, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ScipionException("parameter '" + e.getKey() + "': " + ex.getMessage());
            }
            params.put(e.getKey(), e.getValue());
        }
        long id = store.runs().stream().mapToLong(RunRecord::id).max().orElse(0) + 1;
        store.insertRuns(List.of(new RunRecord(id, r.label() + " (copy)", r.className(), r.protocolId(),
                RunStatus.SCHEDULED, params, r.inputs(), r.engine(), null, null)));
        return id;
    }

    @Override
    public String exportWorkflow() {
        List<Map<String, Object>> protocols = new ArrayList<>();
        for (RunRecord r : store.runs()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("object.className", r.className());
            p.put("object.id", String.valueOf(r.id()));
            p.put("object.label", r.label());
            r.engine().forEach((k, v) -> {
                if (!k.startsWith("object.")) {
                    p.put(k, k.equals("_prerequisites") && v instanceof List<?> l
                            ? String.join(",", l.stream().map(String::valueOf).toList()) : v);
                } else if (k.equals("object.comment")) {
                    p.put(k, v);
                }
            });
            p.putAll(r.params());
            p.putAll(r.inputs());
            protocols.add(p);
        }
        try {
            return store.codec().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(protocols);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the workflow of project " + name, e);
        }
    }

    private RunRecord requireRun(long runId) {
        return store.run(runId).orElseThrow(() -> new ScipionException("project " + name + " has no run " + runId
                + "; './scipion status name=" + name + "' lists its runs"));
    }

    @Override
    public void close() {
        ProjectSession s = session;
        if (s != null && !s.isEnded()) {
            s.stop();
        }
        store.close();
    }
}
