package org.scipionj.api.protocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated parameter values of one run, defaults applied, each already of its type's Java class
 * (String, Boolean, Long, Double, Path, Integer for CHOICE, Duration). Immutable and thread-safe.
 */
public final class Parameters {

    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether a value (given or default) exists. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The raw value, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(require(name, Boolean.class));
    }

    public long integer(String name) {
        return require(name, Long.class);
    }

    public double decimal(String name) {
        Object v = values.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return require(name, Double.class);
    }

    /** The value as a double, or {@code fallback} when unset. */
    public double decimal(String name, double fallback) {
        return has(name) ? decimal(name) : fallback;
    }

    public Path path(String name) {
        Object v = values.get(name);
        return v == null ? null : (Path) v;
    }

    public Duration duration(String name) {
        return require(name, Duration.class);
    }

    public int choice(String name) {
        return require(name, Integer.class);
    }

    /** The run ids of a {@link ParamType#RUN_LIST} parameter (empty when unset). */
    @SuppressWarnings("unchecked")
    public java.util.List<Long> runs(String name) {
        Object v = values.get(name);
        return v == null ? java.util.List.of() : (java.util.List<Long>) require(name, java.util.List.class);
    }

    /** All values, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T require(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " has no value");
        }
        if (!type.isInstance(v)) {
            throw new IllegalStateException("parameter " + name + " is " + v.getClass().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
