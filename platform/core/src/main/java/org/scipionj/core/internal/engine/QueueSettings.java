package org.scipionj.core.internal.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.core.internal.store.RunRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a run goes to a cluster queue, and with which queue and parameters, from Scipion's run keys:
 * {@code "_useQueue": true} and {@code "_queueParams": "[\"QUEUE\", {\"JOB_MEMORY\": \"8192\", ...}]"} (a JSON
 * string, as Scipion writes it; a list or an object {@code {"queue": ..., "params": {...}}} is accepted too).
 * Scipion-J reads three more parameters, from the run or the queue's configuration: {@code BATCH_SIZE} (items per
 * job, default 4), {@code BATCH_MAX_WAIT} (seconds a partial batch waits for more items, default 30) and
 * {@code JOB_RETRIES} (how often the items of a failed job are submitted again, default 2). Immutable.
 *
 * @param queue the queue the run names, or null for the executor's default queue
 * @param overrides parameters the run sets
 */
public record QueueSettings(String queue, Map<String, String> overrides) {

    static final String BATCH_SIZE = "BATCH_SIZE";
    static final String BATCH_MAX_WAIT = "BATCH_MAX_WAIT";
    static final String JOB_RETRIES = "JOB_RETRIES";
    static final String POLL_SECONDS = "POLL_SECONDS";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public QueueSettings {
        overrides = Map.copyOf(overrides);
    }

    /** The run's queue settings; empty when it runs on this machine. */
    static Optional<QueueSettings> of(RunRecord run) {
        return of(run.id(), run.engine());
    }

    /**
     * What is wrong with a run's {@code _useQueue}/{@code _queueParams} (checked when a workflow is read), or null.
     *
     * @param engine the run's engine keys
     */
    public static String problem(Map<String, Object> engine) {
        try {
            of(0, engine);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().replaceFirst("^run 0: ", "");
        }
    }

    private static Optional<QueueSettings> of(long runId, Map<String, Object> engine) {
        if (!truthy(engine.get("_useQueue"))) {
            return Optional.empty();
        }
        Object raw = engine.get("_queueParams");
        if (raw instanceof String s) {
            if (s.isBlank()) {
                return Optional.of(new QueueSettings(null, Map.of()));
            }
            try {
                raw = MAPPER.readValue(s, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("run " + runId + ": _queueParams is not JSON like "
                        + "[\"queue\", {\"JOB_MEMORY\": \"8192\"}]: " + e.getOriginalMessage());
            }
        }
        if (raw == null) {
            return Optional.of(new QueueSettings(null, Map.of()));
        }
        if (raw instanceof List<?> list && !list.isEmpty() && list.size() <= 2
                && (list.size() == 1 || list.get(1) instanceof Map<?, ?>)) {
            return Optional.of(new QueueSettings(name(list.get(0)), strings(list.size() == 2 ? list.get(1) : Map.of())));
        }
        if (raw instanceof Map<?, ?> m && (m.containsKey("queue") || m.containsKey("params"))) {
            return Optional.of(new QueueSettings(name(m.get("queue")), strings(m.get("params"))));
        }
        throw new IllegalArgumentException("run " + runId + ": _queueParams must be [\"queue\", {parameters}], not "
                + raw);
    }

    /** The configured parameters of the queue with the run's overrides. */
    Map<String, String> effective(Map<String, String> configured) {
        Map<String, String> all = new LinkedHashMap<>(configured);
        all.putAll(overrides);
        return all;
    }

    /** A whole-number parameter, or {@code fallback}; fails naming the parameter when it is not a number. */
    static long number(Map<String, String> params, String key, long fallback) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("queue parameter " + key + " must be a whole number, not '" + v + "'");
        }
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b
                : v instanceof Number n ? n.intValue() != 0
                : v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes") || s.equals("1"));
    }

    private static String name(Object v) {
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }

    private static Map<String, String> strings(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> {
                if (val != null) {
                    out.put(String.valueOf(k), String.valueOf(val));
                }
            });
        }
        return out;
    }
}
