package org.scipionj.monitor.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.item.Item;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.protocol.MonitorContext;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;
import org.scipionj.api.stream.StreamingSet;

/** An in-memory project for monitor unit tests; its series outlive monitor instances, as the database does. */
final class FakeMonitorContext implements MonitorContext {

    final Map<String, List<Item>> sets = new HashMap<>();
    final Map<String, List<Sample>> series = new HashMap<>();
    final Map<Long, RunStatus> statuses = new HashMap<>();
    final Map<Long, Map<String, String>> inputs = new HashMap<>();
    final Map<Long, String> outputsOf = new HashMap<>();
    final List<String> log = new ArrayList<>();
    final Path dir;
    RunContext run;

    FakeMonitorContext(Path dir) {
        this.dir = dir;
    }

    /** A run {@code id} whose one output set {@code output} holds {@code type} items. */
    void addRun(long id, String output, Map<String, String> in) {
        outputsOf.put(id, id + "." + output);
        sets.put(id + "." + output, new ArrayList<>());
        inputs.put(id, in);
        statuses.put(id, RunStatus.RUNNING);
    }

    RunContext runContext(long id, Map<String, Object> params) {
        Path runDir = dir.resolve("Runs/" + id);
        run = new RunContext() {
            public long runId() {
                return id;
            }

            public Parameters parameters() {
                return new Parameters(params);
            }

            public Path runDir() {
                return runDir;
            }

            public Path outputDir() {
                return runDir.resolve("extra");
            }

            public int threads() {
                return 1;
            }

            public RunLog log() {
                return new RunLog() {
                    public void info(String m) {
                        log.add(m);
                    }

                    public void warn(String m) {
                        log.add("WARN " + m);
                    }

                    public void error(String m, Throwable t) {
                        log.add("ERROR " + m);
                    }
                };
            }

            public boolean isStopRequested() {
                return false;
            }
        };
        return run;
    }

    @Override
    public RunContext run() {
        return run;
    }

    @Override
    public String projectName() {
        return "fake";
    }

    @Override
    public Path projectDir() {
        return dir;
    }

    @Override
    public List<RunInfo> runs() {
        List<RunInfo> list = new ArrayList<>();
        for (Map.Entry<Long, String> e : new java.util.TreeMap<>(outputsOf).entrySet()) {
            List<Item> items = sets.get(e.getValue());
            String type = items.isEmpty() ? typeOf(e.getValue()) : items.get(0).getClass().getSimpleName();
            list.add(new RunInfo(e.getKey(), "run " + e.getKey(), "Fake", "fake", statuses.get(e.getKey()),
                    items.size(), 0, inputs.get(e.getKey()), Map.of(), List.of(new OutputInfo(e.getValue(), type,
                    items.size(), SetState.OPEN)), null, null));
        }
        return list;
    }

    final Map<String, String> types = new HashMap<>();

    private String typeOf(String set) {
        return types.getOrDefault(set, "Movie");
    }

    @Override
    public Optional<StreamingSet<?>> set(String name) {
        List<Item> items = sets.get(name);
        if (items == null) {
            return Optional.empty();
        }
        return Optional.of(new StreamingSet<Item>() {
            public String name() {
                return name;
            }

            public Class<Item> itemType() {
                return Item.class;
            }

            public SetState state() {
                return SetState.OPEN;
            }

            public long size() {
                return items.size();
            }

            public List<Entry<Item>> read(long afterSeq, int max) {
                List<Entry<Item>> out = new ArrayList<>();
                for (long s = afterSeq + 1; s <= items.size() && out.size() < max; s++) {
                    out.add(new Entry<>(s, items.get((int) s - 1)));
                }
                return out;
            }

            public boolean awaitAfter(long afterSeq, Duration timeout) {
                return items.size() > afterSeq;
            }
        });
    }

    @Override
    public void record(String name, Map<String, Double> values) {
        series.computeIfAbsent(name, n -> new ArrayList<>()).add(new Sample(System.currentTimeMillis(),
                Map.copyOf(values)));
    }

    @Override
    public List<Sample> series(String name) {
        return List.copyOf(series.getOrDefault(name, List.of()));
    }
}
