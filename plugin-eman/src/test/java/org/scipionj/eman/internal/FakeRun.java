package org.scipionj.eman.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * A run and item context for tests: parameters are the descriptor's defaults plus overrides; secondary inputs are
 * given as lists of items (joined by group id); logs are kept.
 */
final class FakeRun implements RunContext, ItemContext, RunLog {

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Parameters parameters;
    private final Path dir;
    private final Map<String, List<? extends Item>> related;

    FakeRun(ProtocolDescriptor d, Path dir, Map<String, Object> overrides) {
        this(d, dir, overrides, Map.of());
    }

    FakeRun(ProtocolDescriptor d, Path dir, Map<String, Object> overrides, Map<String, List<? extends Item>> related) {
        this.dir = dir;
        this.related = related;
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Param p : d.params()) {
            values.put(p.name(), p.defaultValue());
        }
        values.putAll(overrides);
        this.parameters = new Parameters(values);
    }

    // -- RunContext methods --

    @Override
    public long runId() {
        return 3;
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
        return 2;
    }

    @Override
    public RunLog log() {
        return this;
    }

    @Override
    public boolean isStopRequested() {
        return false;
    }

    // -- ItemContext methods --

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
            throw new IllegalArgumentException("input " + inputSlot + " is not set");
        }
        return items.stream().filter(i -> i.groupId() == groupId).map(i -> (Item) i).toList();
    }

    // -- RunLog methods --

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
