package org.scipionj.ctffind.internal;

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

/** A run and item context for tests: parameters are the descriptor's defaults plus overrides; logs are kept. */
final class FakeRun implements RunContext, ItemContext, RunLog {

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Parameters parameters;
    private final Path dir;

    FakeRun(ProtocolDescriptor d, Path dir, Map<String, Object> overrides) {
        this.dir = dir;
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
        throw new IllegalArgumentException("no secondary inputs");
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
