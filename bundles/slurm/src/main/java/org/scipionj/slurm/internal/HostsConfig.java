package org.scipionj.slurm.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One host's section of a Scipion-style {@code hosts.conf} (Python configparser syntax: {@code [host]} sections,
 * {@code KEY = value}, a value continued on indented lines, {@code #}/{@code ;} comments): {@code SUBMIT_TEMPLATE},
 * {@code SUBMIT_COMMAND}, {@code CANCEL_COMMAND}, {@code QUEUES} (JSON: queue name to a list of
 * {@code [NAME, default, label, help]}), {@code QUEUES_DEFAULT} (JSON: parameters every queue has) and the optional
 * {@code DEFAULT_QUEUE} (else the first queue). Immutable.
 *
 * @param source where it was read, for messages
 * @param host the section
 * @param values the section's keys (upper case) and values
 * @param queues queue name to its parameters with their defaults, in file order
 */
record HostsConfig(String source, String host, Map<String, String> values, Map<String, Map<String, String>> queues) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static HostsConfig read(Path file, String host) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), host);
    }

    /**
     * Parses a hosts.conf text.
     *
     * @param host the section to use, or null for the first one
     * @throws IllegalArgumentException naming the source, line or key when something is wrong
     */
    static HostsConfig parse(String text, String source, String host) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String key = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && key != null
                    && !trimmed.isEmpty();
            if (continuation) {
                section.merge(key, trimmed, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                key = trimmed.isEmpty() ? key : null; // NB: configparser keeps a value across blank lines only if indented
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1).strip(), s -> new LinkedHashMap<>());
                key = null;
                continue;
            }
            int eq = indexOfSeparator(trimmed);
            if (section == null || eq < 0) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected [host] or KEY = value, not '"
                        + trimmed + "'");
            }
            key = trimmed.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            section.put(key, trimmed.substring(eq + 1).strip());
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(source + " has no [host] section");
        }
        String chosen = host == null ? sections.keySet().iterator().next() : host;
        Map<String, String> values = sections.get(chosen);
        if (values == null) {
            throw new IllegalArgumentException(source + " has no section [" + chosen + "]; sections: " + sections.keySet());
        }
        if (!values.containsKey("SUBMIT_TEMPLATE")) {
            throw new IllegalArgumentException(source + " [" + chosen + "]: SUBMIT_TEMPLATE is missing");
        }
        return new HostsConfig(source, chosen, Map.copyOf(values), queues(source, chosen, values));
    }

    String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    String defaultQueue() {
        String q = values.get("DEFAULT_QUEUE");
        if (q != null && !q.isBlank()) {
            return q.strip();
        }
        if (queues.isEmpty()) {
            throw new IllegalArgumentException(source + " [" + host + "]: QUEUES lists no queue");
        }
        return queues.keySet().iterator().next();
    }

    /** The parameters of a queue: QUEUES_DEFAULT, then the queue's own defaults. */
    Map<String, String> parameters(String queue) {
        Map<String, String> own = queues.get(queue);
        if (own == null) {
            throw new IllegalArgumentException("queue '" + queue + "' is not in " + source + " [" + host + "] QUEUES; "
                    + "queues: " + queues.keySet());
        }
        Map<String, String> all = new LinkedHashMap<>(jsonObject(source, "QUEUES_DEFAULT", get("QUEUES_DEFAULT", "{}")));
        all.putAll(own);
        return all;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    private static Map<String, Map<String, String>> queues(String source, String host, Map<String, String> values) {
        Map<String, Map<String, String>> queues = new LinkedHashMap<>();
        String json = values.getOrDefault("QUEUES", "{}");
        JsonNode root;
        try {
            root = MAPPER.readTree(json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " [" + host + "] QUEUES is not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + " [" + host + "] QUEUES must be a JSON object {\"queue\": [...]}");
        }
        root.fields().forEachRemaining(q -> {
            Map<String, String> params = new LinkedHashMap<>();
            if (!q.getValue().isArray()) {
                throw new IllegalArgumentException(source + " [" + host + "] QUEUES: queue '" + q.getKey()
                        + "' must list parameters as [[\"JOB_MEMORY\", \"8192\", \"label\", \"help\"], ...]");
            }
            for (JsonNode p : q.getValue()) {
                if (!p.isArray() || p.size() < 2) {
                    throw new IllegalArgumentException(source + " [" + host + "] QUEUES: queue '" + q.getKey()
                            + "' has a parameter that is not [NAME, default, ...]: " + p);
                }
                params.put(p.get(0).asText(), p.get(1).asText());
            }
            queues.put(q.getKey(), params);
        });
        return queues;
    }

    private static Map<String, String> jsonObject(String source, String key, String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Map<String, String> out = new LinkedHashMap<>();
            root.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + key + " is not a JSON object: " + e.getOriginalMessage());
        }
    }

    /** The queue names, in file order. */
    List<String> queueNames() {
        return new ArrayList<>(queues.keySet());
    }
}
