package org.scipionj.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.scipionj.api.project.ProjectService;

/**
 * The whole web layer without a servlet container: routes {@code /api/...} to {@link WebApi} and the rest to
 * {@link Pages}. {@link ScipionServlet} serves it through Felix HTTP; the web benchmark serves it from the JDK's
 * HTTP server. Public only for that benchmark (the package is not exported). Thread-safe.
 */
public final class WebFront implements AutoCloseable {

    /** An answer with its bytes (a file's content read in). */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final OpenProjects projects;
    private final WebApi api;
    private final Pages pages;

    public WebFront(ProjectService projects) {
        this.projects = new OpenProjects(projects);
        this.api = new WebApi(this.projects, new AdminToken(ServerInfo.runtimeDir(projects)));
        this.pages = new Pages(this.projects, api);
    }

    WebReply answer(WebRequest request) {
        String path = request.rawPath();
        return path.equals("/api") || path.startsWith("/api/") ? api.handle(request) : pages.handle(request);
    }

    /** Answers {@code METHOD /path?query}; reads a served file into the answer. */
    public Answer answer(String method, String pathAndQuery, String authorization, String body) {
        String[] pq = pathAndQuery.split("\\?", 2);
        Map<String, String> query = new HashMap<>();
        if (pq.length == 2) {
            for (String kv : pq[1].split("&")) {
                String[] x = kv.split("=", 2);
                query.putIfAbsent(URLDecoder.decode(x[0], StandardCharsets.UTF_8),
                        x.length > 1 ? URLDecoder.decode(x[1], StandardCharsets.UTF_8) : "");
            }
        }
        WebReply r = answer(new WebRequest(method, pq[0], query, authorization, body == null ? "" : body));
        try {
            return new Answer(r.status(), r.contentType(), r.file() != null ? Files.readAllBytes(r.file()) : r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        projects.close();
    }
}
