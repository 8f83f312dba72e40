package org.scipionj.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;

/**
 * A run and item context for running a protocol's processor outside a project (unit tests, benchmarks): the
 * parameters are the descriptor's defaults plus overrides, outputs go to one folder, secondary inputs are given as
 * lists of items (joined by group id, as the engine joins them), and every log line is kept in {@link #log}.
 */
public final class TestRun implements RunContext, ItemContext, RunLog {

    /** Every line logged through this run, warnings prefixed {@code WARN}, errors {@code ERROR}. */
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final long runId;
    private final Parameters parameters;
    private final Path dir;
    private final int threads;
    private final Map<String, List<? extends Item>> related;

    private TestRun(long runId, Parameters parameters, Path dir, int threads,
                    Map<String, List<? extends Item>> related) {
        this.runId = runId;
        this.parameters = parameters;
        this.dir = dir;
        this.threads = threads;
        this.related = related;
    }

    /** A run of {@code protocol} writing into {@code dir}, with default parameters but {@code overrides}. */
    public static TestRun of(ProtocolDescriptor protocol, Path dir, Map<String, ?> overrides) {
        return of(protocol, dir, overrides, Map.of());
    }

    /** As {@link #of(ProtocolDescriptor, Path, Map)}, with the items of secondary input slots. */
    public static TestRun of(ProtocolDescriptor protocol, Path dir, Map<String, ?> overrides,
                             Map<String, List<? extends Item>> related) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : protocol.params()) {
            values.put(p.name(), p.defaultValue());
        }
        values.putAll(overrides);
        return new TestRun(1, new Parameters(values), dir, 2, Map.copyOf(related));
    }

    /** This run, with {@code threads} threads per item. */
    public TestRun withThreads(int threads) {
        return new TestRun(runId, parameters, dir, threads, related);
    }

    // -- RunContext --

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
        return dir;
    }

    @Override
    public Path outputDir() {
        return dir;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public RunLog log() {
        return this;
    }

    @Override
    public boolean isStopRequested() {
        return false;
    }

    // -- ItemContext --

    @Override
    public RunContext run() {
        return this;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void log(String message) {
        log.add(message);
    }

    @Override
    public List<Item> related(String inputSlot, long groupId) {
        List<? extends Item> items = related.get(inputSlot);
        if (items == null) {
            throw new IllegalArgumentException("input " + inputSlot + " is not set in this test run");
        }
        return items.stream().filter(i -> i.groupId() == groupId).map(i -> (Item) i).toList();
    }

    // -- RunLog --

    @Override
    public void info(String message) {
        log.add(message);
    }

    @Override
    public void warn(String message) {
        log.add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        log.add("ERROR " + message + ": " + cause);
    }
}
