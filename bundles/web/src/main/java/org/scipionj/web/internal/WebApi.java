package org.scipionj.web.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON API under {@code /api}:
 * <pre>
 * GET  /api/projects                                  projects with run counts
 * GET  /api/projects/NAME                             runs (status, counts, inputs, outputs), report link
 * GET  /api/projects/NAME/runs/ID                     one run: parameters, outputs, failures, log tail
 * GET  /api/projects/NAME/runs/ID/log[?tail=BYTES]    the run log (text)
 * GET  /api/projects/NAME/sets/RUN.OUTPUT/items?after=SEQ&amp;limit=N   items after a cursor (follow with "next")
 * POST /api/projects/NAME/runs/ID/stop | continue | close-stream | copy   admin token required
 * </pre>
 * Errors are JSON {@code {"error": ..., "status": ...}}. Thread-safe.
 */
final class WebApi {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int LOG_TAIL = 64 * 1024;
    /** The folder a summary monitor writes its report to, inside its run folder. */
    static final String REPORT_DIR = "extra/report";
    static final String MONITOR_CLASS = "ProtMonitorSummary";

    private final OpenProjects projects;
    private final AdminToken token;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ReplyCache cache = new ReplyCache();

    WebApi(OpenProjects projects, AdminToken token) {
        this.projects = projects;
        this.token = token;
    }

    /** Answers a request whose path starts with {@code /api}; never throws. */
    WebReply handle(WebRequest request) {
        try {
            List<String> s = SafePaths.segments(request.rawPath());
            if (s.isEmpty() || !s.get(0).equals("api")) {
                throw WebException.notFound("not an API path: " + request.rawPath());
            }
            return route(request, s.subList(1, s.size()));
        } catch (WebException e) {
            return error(e.status(), e.getMessage());
        } catch (ScipionException | IllegalStateException | IllegalArgumentException e) {
            return error(409, e.getMessage());
        } catch (RuntimeException e) {
            return error(500, "internal error: " + e);
        }
    }

    private WebReply route(WebRequest r, List<String> s) {
        boolean get = r.method().equals("GET") || r.method().equals("HEAD");
        boolean post = r.method().equals("POST");
        int n = s.size();
        if (n == 1 && s.get(0).equals("projects") && get) {
            return cache.get("projects", () -> new ReplyCache.Fresh(ok(projectList()), false));
        }
        if (n >= 2 && s.get(0).equals("projects")) {
            String name = s.get(1);
            if (n == 2 && get) {
                return cache.get("project/" + name, () -> new ReplyCache.Fresh(ok(project(projects.get(name))), false));
            }
            if (n >= 4 && s.get(2).equals("runs")) {
                long id = runId(s.get(3));
                Project p = projects.get(name);
                RunInfo run = p.run(id).orElseThrow(() -> WebException.notFound("project '" + name + "' has no run "
                        + id + "; GET /api/projects/" + name + " lists its runs"));
                if (n == 4 && get) {
                    return cache.get("run/" + name + "/" + id, () -> new ReplyCache.Fresh(ok(runDetail(p, run)), false));
                }
                if (n == 5 && s.get(4).equals("log") && get) {
                    return WebReply.of(200, WebReply.TEXT, logTail(p, run, intParam(r, "tail", LOG_TAIL, 1, 16 << 20)));
                }
                if (n == 5 && post) {
                    token.check(r.authorization());
                    cache.clear();
                    WebReply reply = ok(admin(p, run, s.get(4), r.body()));
                    cache.clear();
                    return reply;
                }
                if (n == 5 && get && List.of("stop", "continue", "close-stream", "copy").contains(s.get(4))) {
                    throw new WebException(405, s.get(4) + " is an admin action: use POST with 'Authorization: Bearer TOKEN'");
                }
            }
            if (n == 5 && s.get(2).equals("sets") && s.get(4).equals("items") && get) {
                return items(projects.get(name), s.get(3), r);
            }
        }
        throw WebException.notFound("no API resource " + (get ? "GET " : r.method() + " ") + r.rawPath()
                + "; see GET /api/projects, /api/projects/NAME, /api/projects/NAME/runs/ID, "
                + "/api/projects/NAME/sets/RUN.OUTPUT/items?after=N&limit=M");
    }

    // -- resources --

    private List<Map<String, Object>> projectList() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (String name : projects.service().list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            try {
                Project p = projects.get(name);
                List<RunInfo> runs = p.runs();
                m.put("runs", runs.size());
                m.put("processing", p.isProcessing());
                Map<String, Integer> statuses = new LinkedHashMap<>();
                runs.forEach(run -> statuses.merge(run.status().label(), 1, Integer::sum));
                m.put("statuses", statuses);
            } catch (WebException | ScipionException e) {
                m.put("error", e.getMessage());
            }
            m.put("url", "/projects/" + name + "/");
            result.add(m);
        }
        return result;
    }

    Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("processing", p.isProcessing());
        List<RunInfo> infos = p.runs();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunInfo run : infos) {
            runs.add(runSummary(p, run));
        }
        m.put("runs", runs);
        m.put("report", reportRun(p, infos).map(id -> "/projects/" + p.name() + "/report/index.html").orElse(null));
        return m;
    }

    private Map<String, Object> runSummary(Project p, RunInfo run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("label", run.label());
        m.put("className", run.className());
        m.put("status", run.status().label());
        m.put("done", run.done());
        m.put("failed", run.failed());
        m.put("inputs", run.inputs());
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (OutputInfo o : run.outputs()) {
            Map<String, Object> om = new LinkedHashMap<>();
            String set = o.name().contains(".") ? o.name() : run.id() + "." + o.name();
            om.put("name", set.substring(set.indexOf('.') + 1));
            om.put("set", set);
            om.put("itemType", o.itemType());
            om.put("size", o.size());
            om.put("state", o.state() == null ? null : o.state().name().toLowerCase(java.util.Locale.ROOT));
            om.put("items", "/api/projects/" + p.name() + "/sets/" + set + "/items");
            outputs.add(om);
        }
        m.put("outputs", outputs);
        m.put("error", run.error());
        m.put("url", "/projects/" + p.name() + "/runs/" + run.id());
        return m;
    }

    private Map<String, Object> runDetail(Project p, RunInfo run) {
        Map<String, Object> m = runSummary(p, run);
        m.put("protocolId", run.protocolId());
        m.put("bundle", run.bundle());
        m.put("params", run.params());
        List<Map<String, String>> failures = new ArrayList<>();
        for (Map.Entry<String, String> f : p.failures(run.id(), 100)) {
            failures.add(Map.of("item", String.valueOf(f.getKey()), "reason", String.valueOf(f.getValue())));
        }
        m.put("failures", failures);
        m.put("log", "/api/projects/" + p.name() + "/runs/" + run.id() + "/log");
        m.put("folder", "Runs/" + runFolder(run).getFileName());
        return m;
    }

    private WebReply items(Project p, String set, WebRequest r) {
        long after = longParam(r, "after", 0);
        int limit = intParam(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (!set.matches("\\d+\\.[A-Za-z0-9_]+")) {
            throw WebException.badRequest("set '" + set + "' is not RUN.OUTPUT (e.g. 2.outputMovies)");
        }
        String key = "items/" + p.name() + "/" + set + "/" + after + "/" + limit;
        return cache.get(key, () -> {
            Map<String, Object> page = items(p, set, after, limit);
            // NB: only a full page is stable (the set is append-only); a partial one may grow
            return new ReplyCache.Fresh(ok(page), ((List<?>) page.get("items")).size() == limit);
        });
    }

    private Map<String, Object> items(Project p, String set, long after, int limit) {
        StreamingSet<?> stream = p.set(set).orElseThrow(() -> WebException.notFound("project '" + p.name()
                + "' has no set " + set + "; the outputs of GET /api/projects/" + p.name() + " name its sets"));
        List<? extends Entry<?>> entries = stream.read(after, limit);
        List<Map<String, Object>> items = new ArrayList<>(entries.size());
        long next = after;
        for (Entry<?> e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("seq", e.seq());
            item.put("type", e.item().getClass().getSimpleName());
            item.put("item", e.item());
            items.add(item);
            next = Math.max(next, e.seq());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", set);
        m.put("state", stream.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("size", stream.size());
        m.put("after", after);
        m.put("next", next);
        m.put("items", items);
        m.put("more", "/api/projects/" + p.name() + "/sets/" + set + "/items?after=" + next + "&limit=" + limit);
        return m;
    }

    private Map<String, Object> admin(Project p, RunInfo run, String action, String body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("action", action);
        switch (action) {
            case "stop" -> p.requestStop(run.id());
            case "continue" -> p.continueRun(run.id());
            case "close-stream" -> p.requestCloseStream(run.id());
            case "copy" -> m.put("copy", p.copyRun(run.id(), copyParams(body)));
            default -> throw WebException.notFound("no admin action '" + action + "'; use stop, continue, "
                    + "close-stream or copy");
        }
        m.put("status", p.run(run.id()).map(i -> i.status().label()).orElse(null));
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> copyParams(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> m = json.readValue(body, Map.class);
            Object params = m.containsKey("params") ? m.get("params") : m;
            if (!(params instanceof Map)) {
                throw WebException.badRequest("copy: 'params' must be a JSON object of parameter values");
            }
            return (Map<String, Object>) params;
        } catch (JsonProcessingException e) {
            throw WebException.badRequest("copy: the body must be JSON like {\"params\": {\"name\": value}}: "
                    + e.getOriginalMessage());
        }
    }

    // -- files --

    /** The newest summary monitor run with a report folder. */
    static Optional<Long> reportRun(Project p) {
        return reportRun(p, p.runs());
    }

    private static Optional<Long> reportRun(Project p, List<RunInfo> runs) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunInfo run = runs.get(i);
            if (run.className().equals(MONITOR_CLASS)
                    && Files.isRegularFile(runFolder(p, run).resolve(REPORT_DIR).resolve("index.html"))) {
                return Optional.of(run.id());
            }
        }
        return Optional.empty();
    }

    static Path runFolder(Project p, RunInfo run) {
        return p.dir().resolve(runFolder(run));
    }

    private static Path runFolder(RunInfo run) {
        return Path.of("Runs", String.format("%06d_%s", run.id(), run.className()));
    }

    static String logTail(Project p, RunInfo run, int maxBytes) {
        Path log = runFolder(p, run).resolve("logs").resolve("run.log");
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - maxBytes);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            String text = new String(b, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return start > 0 && nl >= 0 ? text.substring(nl + 1) : text;
        } catch (IOException e) {
            throw new WebException(500, "cannot read " + log + ": " + e.getMessage());
        }
    }

    // -- helpers --

    private static long runId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw WebException.badRequest("run id '" + s + "' is not a number");
        }
    }

    private static long longParam(WebRequest r, String name, long dflt) {
        String v = r.query().get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            long x = Long.parseLong(v);
            if (x < 0) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw WebException.badRequest("'" + name + "=" + v + "': give a whole number ≥ 0 (the 'next' of the previous page)");
        }
    }

    private static int intParam(WebRequest r, String name, int dflt, int min, int max) {
        String v = r.query().get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw WebException.badRequest("'" + name + "=" + v + "': give a whole number in " + min + ".." + max);
        }
    }

    WebReply ok(Object value) {
        try {
            return new WebReply(200, WebReply.JSON, json.writeValueAsBytes(value), null);
        } catch (JsonProcessingException e) {
            return error(500, "cannot write JSON: " + e.getOriginalMessage());
        }
    }

    WebReply error(int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("status", status);
        try {
            return new WebReply(status, WebReply.JSON, json.writeValueAsBytes(m), null);
        } catch (JsonProcessingException e) {
            return WebReply.of(status, WebReply.TEXT, message);
        }
    }
}
