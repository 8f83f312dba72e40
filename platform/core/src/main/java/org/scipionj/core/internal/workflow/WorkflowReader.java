package org.scipionj.core.internal.workflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.core.internal.store.RunRecord;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Scipion workflow JSON file (a list of protocol objects, as Scipion's "export workflow" writes) into
 * runs. Every problem is collected, so one error lists all of them, each with the run and field it concerns.
 */
public final class WorkflowReader {

    /** Keys every Scipion protocol object may carry; the engine, not the protocol, interprets them. */
    static final Set<String> ENGINE_KEYS = Set.of("object.className", "object.id", "object.label", "object.comment",
            "runName", "runMode", "hostName", "numberOfThreads", "numberOfMpi", "_useQueue", "_queueParams",
            "_prerequisites", "streamingBatchSize", "streamingSleepOnWait");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Function<String, Optional<Protocol>> protocols;
    private final boolean skipUnknown;

    /** @param protocols finds the protocol answering to a Scipion class name */
    public WorkflowReader(Function<String, Optional<Protocol>> protocols) {
        this(protocols, false);
    }

    /**
     * @param protocols finds the protocol answering to a Scipion class name
     * @param skipUnknown drop runs of unknown classes, and every run that depends on them, instead of failing
     */
    public WorkflowReader(Function<String, Optional<Protocol>> protocols, boolean skipUnknown) {
        this.protocols = protocols;
        this.skipUnknown = skipUnknown;
    }

    /**
     * @param json the workflow text
     * @param source where it came from (a file path), for messages
     * @throws ScipionException listing every problem found
     */
    public List<RunRecord> read(String json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ScipionException("workflow " + source + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + ". Fix the file (a Scipion workflow is a JSON list of protocol objects).");
        }
        if (root == null || !root.isArray()) {
            throw new ScipionException("workflow " + source + " must be a JSON list of protocol objects "
                    + "(as written by Scipion's 'Export workflow'), but it is "
                    + (root == null ? "empty" : root.getNodeType().name().toLowerCase()));
        }
        List<String> problems = new ArrayList<>();
        List<String> unknownClasses = new ArrayList<>();
        Set<Long> unknownIds = new java.util.HashSet<>();
        Map<Long, Parsed> runs = new LinkedHashMap<>();
        long nextId = 1;
        for (JsonNode node : root) {
            nextId = Math.max(nextId, parseId(node, 0) + 1);
        }
        int index = 0;
        for (JsonNode node : root) {
            index++;
            if (!node.isObject()) {
                problems.add("entry " + index + " is not a protocol object");
                continue;
            }
            String className = node.path("object.className").asText("");
            long id = parseId(node, 0);
            if (id == 0) {
                if (node.has("object.id")) {
                    problems.add("entry " + index + " (" + className + "): object.id '" + node.get("object.id").asText()
                            + "' is not a positive whole number");
                }
                id = nextId++;
            }
            String where = "run " + id + " (" + className + ")";
            if (className.isEmpty()) {
                problems.add("entry " + index + " has no object.className");
                continue;
            }
            if (runs.containsKey(id)) {
                problems.add(where + ": object.id " + id + " is used twice");
                continue;
            }
            Optional<Protocol> protocol = protocols.apply(className);
            if (protocol.isEmpty()) {
                String provider = KnownPlugins.providerOf(className);
                unknownClasses.add(className + " (run " + id + (provider == null ? "" : "; " + provider) + ")");
                unknownIds.add(id);
                continue;
            }
            runs.put(id, parse(node, id, className, protocol.get(), where, problems));
        }
        if (skipUnknown) {
            dropDependents(runs, unknownIds);
        } else if (!unknownClasses.isEmpty()) {
            problems.add(0, "unknown protocol class" + (unknownClasses.size() > 1 ? "es" : "") + ": "
                    + String.join(", ", unknownClasses) + " (no installed plugin provides "
                    + (unknownClasses.size() > 1 ? "them" : "it") + "; './scipion protocols' lists what is installed, "
                    + "--skip-unknown drops them and what depends on them)");
        }
        checkPointers(runs, problems);
        if (!problems.isEmpty()) {
            throw new ScipionException("workflow " + source + " has " + problems.size() + " problem"
                    + (problems.size() > 1 ? "s" : "") + ":\n  - " + String.join("\n  - ", problems));
        }
        List<RunRecord> records = new ArrayList<>();
        for (Parsed p : runs.values()) {
            records.add(new RunRecord(p.id, p.label, p.className, p.descriptor.id(), RunStatus.NEW, p.params, p.inputs,
                    p.engine, null, null));
        }
        return records;
    }

    /** Removes runs that point to a dropped run, until none does; bare-id lists lose the dropped ids. */
    private static void dropDependents(Map<Long, Parsed> runs, Set<Long> dropped) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Parsed run : new ArrayList<>(runs.values())) {
                Set<Long> up = new java.util.HashSet<>();
                for (String pointer : run.inputs.values()) {
                    int dot = pointer.indexOf('.');
                    try {
                        up.add(Long.parseLong((dot < 0 ? pointer : pointer.substring(0, dot)).trim()));
                    } catch (NumberFormatException e) {
                        // reported by checkPointers
                    }
                }
                up.retainAll(dropped);
                if (!up.isEmpty()) {
                    runs.remove(run.id);
                    dropped.add(run.id);
                    changed = true;
                }
            }
        }
        for (Parsed run : runs.values()) {
            for (var param : run.descriptor.params()) {
                Object given = run.params.get(param.name());
                if (param.type() == org.scipionj.api.protocol.ParamType.RUN_LIST && given instanceof List<?> list) {
                    run.params.put(param.name(), list.stream().filter(o -> {
                        String t = String.valueOf(o).trim();
                        int dot = t.indexOf('.');
                        try {
                            return !dropped.contains(Long.parseLong(dot < 0 ? t : t.substring(0, dot)));
                        } catch (NumberFormatException e) {
                            return true;
                        }
                    }).toList());
                }
            }
            if (run.engine.get("_prerequisites") instanceof List<?> list) {
                run.engine.put("_prerequisites", list.stream()
                        .filter(o -> !dropped.contains(Long.parseLong(String.valueOf(o).trim()))).toList());
            }
        }
    }

    private static long parseId(JsonNode node, long fallback) {
        JsonNode id = node.get("object.id");
        if (id == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(id.asText().trim());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Parsed parse(JsonNode node, long id, String className, Protocol protocol, String where,
                         List<String> problems) {
        ProtocolDescriptor d = protocol.descriptor();
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, Object> engine = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            Object value = mapper.convertValue(f.getValue(), Object.class);
            if (key.equals("_prerequisites")) {
                engine.put(key, prerequisites(value));
            } else if (ENGINE_KEYS.contains(key)) {
                engine.put(key, value);
            } else if (d.input(key).isPresent()) {
                if (value != null && !(value instanceof String s && s.isEmpty())) {
                    if (value instanceof String s) {
                        inputs.put(key, s);
                    } else {
                        problems.add(where + ": input '" + key + "' must be a pointer like \"2.outputMovies\", not "
                                + f.getValue());
                    }
                }
            } else if (d.param(key).isPresent()) {
                params.put(key, value);
            } else {
                problems.add(where + ": unknown parameter '" + key + "' for " + className + " (known: "
                        + String.join(", ", known(d)) + ")");
            }
        }
        List<String> paramProblems = new ArrayList<>();
        Parameters typed = ParamValues.parameters(d, params, paramProblems);
        if (paramProblems.isEmpty()) {
            paramProblems.addAll(protocol.validate(typed));
        }
        paramProblems.forEach(p -> problems.add(where + ": " + p));
        d.inputs().stream().filter(s -> !s.optional() && !inputs.containsKey(s.name()))
                .forEach(s -> problems.add(where + ": input '" + s.name() + "' is not set; point it at an output "
                        + "such as \"2.outputMovies\""));
        engineChecks(engine, where, problems);
        String label = node.path("object.label").asText(className);
        return new Parsed(id, label.isBlank() ? className : label, className, d, params, inputs, engine);
    }

    /** Scipion writes prerequisites as "" or "2,5" (or a list): always a list of ids here. */
    private static List<String> prerequisites(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(o -> ids.add(String.valueOf(o).trim()));
        } else if (value != null) {
            for (String part : String.valueOf(value).split("[,\\s]+")) {
                ids.add(part.trim());
            }
        }
        ids.removeIf(String::isEmpty);
        return ids;
    }

    private static void engineChecks(Map<String, Object> engine, String where, List<String> problems) {
        String queue = org.scipionj.core.internal.engine.QueueSettings.problem(engine);
        if (queue != null) {
            problems.add(where + ": " + queue);
        }
        for (String key : List.of("numberOfThreads", "streamingBatchSize")) {
            Object v = engine.get(key);
            if (v != null && !(v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.longValue() >= 0)) {
                problems.add(where + ": " + key + " must be a whole number ≥ 0, not '" + v + "'");
            }
        }
    }

    private static List<String> known(ProtocolDescriptor d) {
        List<String> names = new ArrayList<>();
        d.inputs().forEach(s -> names.add(s.name()));
        d.params().forEach(p -> names.add(p.name()));
        return names;
    }

    private static void checkPointers(Map<Long, Parsed> runs, List<String> problems) {
        for (Parsed run : runs.values()) {
            String where = "run " + run.id + " (" + run.className + ")";
            for (Map.Entry<String, String> in : run.inputs.entrySet()) {
                String pointer = in.getValue().trim();
                int dot = pointer.indexOf('.');
                String idText = dot < 0 ? pointer : pointer.substring(0, dot);
                String output = dot < 0 ? "" : pointer.substring(dot + 1);
                Parsed target;
                try {
                    target = runs.get(Long.parseLong(idText));
                } catch (NumberFormatException e) {
                    target = null;
                }
                if (target == null) {
                    problems.add(where + ": input '" + in.getKey() + "' points to run '" + idText
                            + "', which is not in the workflow");
                } else if (output.isEmpty() || target.descriptor.output(output).isEmpty()) {
                    problems.add(where + ": input '" + in.getKey() + "' points to output '" + output + "' of run "
                            + target.id + " (" + target.className + "), which has outputs "
                            + target.descriptor.outputs().stream().map(s -> s.name()).toList());
                } else {
                    var want = run.descriptor.input(in.getKey()).orElseThrow().itemType();
                    var have = target.descriptor.output(output).orElseThrow().itemType();
                    if (!want.isAssignableFrom(have)) {
                        problems.add(where + ": input '" + in.getKey() + "' needs " + want.getSimpleName()
                                + " items but " + pointer + " holds " + have.getSimpleName());
                    }
                }
            }
            for (var param : run.descriptor.params()) {
                if (param.type() == org.scipionj.api.protocol.ParamType.RUN_LIST && run.params.get(param.name()) != null) {
                    try {
                        for (Long id : ParamValues.runList(run.params.get(param.name()))) {
                            if (!runs.containsKey(id)) {
                                problems.add(where + ": '" + param.name() + "' names run " + id
                                        + ", which is not in the workflow");
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": '" + param.name() + "': " + e.getMessage());
                    }
                }
            }
            Object prereq = run.engine.get("_prerequisites");
            if (prereq instanceof List<?> list) {
                for (Object o : list) {
                    try {
                        if (!runs.containsKey(Long.parseLong(String.valueOf(o).trim()))) {
                            problems.add(where + ": prerequisite run '" + o + "' is not in the workflow");
                        }
                    } catch (NumberFormatException e) {
                        problems.add(where + ": prerequisite '" + o + "' is not a run id");
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            Graphs.topological(runs.keySet(), id -> Graphs.upstream(runs.get(id).inputs, runs.get(id).engine));
        }
    }

    private record Parsed(long id, String label, String className, ProtocolDescriptor descriptor,
                          Map<String, Object> params, Map<String, String> inputs, Map<String, Object> engine) {
    }
}
