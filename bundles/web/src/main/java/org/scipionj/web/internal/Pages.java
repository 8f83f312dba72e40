package org.scipionj.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;

/**
 * The HTML pages (plain HTML; a small script polls the JSON API to draw and refresh them) and the files of a
 * project:
 * <pre>
 * /                                  projects
 * /projects/NAME/                    the runs as a graph and a table, live
 * /projects/NAME/runs/ID             one run: parameters, outputs, failures, log
 * /projects/NAME/report/PATH         the newest summary monitor's report folder (index.html, PNG, report.json)
 * /projects/NAME/files/PATH          any file of the project folder (never outside it)
 * /static/app.js, /static/style.css
 * </pre>
 * Thread-safe.
 */
final class Pages {

    private final OpenProjects projects;
    private final WebApi api;

    Pages(OpenProjects projects, WebApi api) {
        this.projects = projects;
        this.api = api;
    }

    /** Answers any non-API GET; never throws. */
    WebReply handle(WebRequest r) {
        try {
            if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
                throw new WebException(405, "pages are read-only (GET); admin actions are POSTs under /api");
            }
            List<String> s = SafePaths.segments(r.rawPath());
            int n = s.size();
            if (n == 0) {
                return page("Scipion-J projects", "projects", "", "");
            }
            if (n == 2 && s.get(0).equals("static")) {
                return resource(s.get(1));
            }
            if (n >= 2 && s.get(0).equals("projects")) {
                String name = s.get(1);
                Project p = projects.get(name);
                if (n == 2) {
                    if (!r.rawPath().endsWith("/")) {
                        return redirect("/projects/" + name + "/");
                    }
                    return page(name + " · Scipion-J", "project", name, "");
                }
                if (n == 4 && s.get(2).equals("runs")) {
                    long id = parseId(s.get(3));
                    RunInfo run = p.run(id).orElseThrow(() -> WebException.notFound("project '" + name
                            + "' has no run " + id));
                    return page(name + " run " + run.id() + " · Scipion-J", "run", name, String.valueOf(run.id()));
                }
                if (n >= 3 && s.get(2).equals("report")) {
                    long id = WebApi.reportRun(p).orElseThrow(() -> WebException.notFound("project '" + name
                            + "' has no report yet: a " + WebApi.MONITOR_CLASS + " run writes it"));
                    RunInfo run = p.run(id).orElseThrow();
                    List<String> rest = n == 3 ? List.of("index.html") : s.subList(3, n);
                    Path file = SafePaths.file(WebApi.runFolder(p, run).resolve(WebApi.REPORT_DIR), rest);
                    return WebReply.file(file, SafePaths.contentType(file));
                }
                if (n >= 4 && s.get(2).equals("files")) {
                    Path file = SafePaths.file(p.dir(), s.subList(3, n));
                    return WebReply.file(file, SafePaths.contentType(file));
                }
            }
            throw WebException.notFound("no page " + r.rawPath() + "; start at / (projects)");
        } catch (WebException e) {
            return api.error(e.status(), e.getMessage());
        } catch (ScipionException | IllegalStateException e) {
            return api.error(409, e.getMessage());
        } catch (RuntimeException e) {
            return api.error(500, "internal error: " + e);
        }
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw WebException.badRequest("run id '" + s + "' is not a number");
        }
    }

    private static WebReply redirect(String location) {
        return WebReply.of(302, WebReply.TEXT, location); // NB: the body is the Location
    }

    /** One page shell: the script reads data-page/data-project/data-run and draws the rest. */
    static WebReply page(String title, String kind, String project, String run) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/static/style.css"></head>
                <body data-page="%s" data-project="%s" data-run="%s" data-polls="0">
                <header><a href="/">Scipion-J</a>%s%s <span id="live" class="muted"></span></header>
                <main id="main"><noscript>This page needs JavaScript; the same data is at <a href="/api/projects">/api/projects</a>.</noscript></main>
                <script src="/static/app.js"></script>
                </body></html>
                """.formatted(escape(title), kind, escape(project), escape(run),
                project.isEmpty() ? "" : " / <a href=\"/projects/" + escape(project) + "/\">" + escape(project) + "</a>",
                run.isEmpty() ? "" : " / run " + escape(run));
        return WebReply.of(200, WebReply.HTML, html);
    }

    private static WebReply resource(String name) {
        if (!name.equals("app.js") && !name.equals("style.css")) {
            throw WebException.notFound("no static file " + name);
        }
        try (InputStream in = Pages.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw WebException.notFound("static file " + name + " missing from the bundle");
            }
            return new WebReply(200, SafePaths.contentType(Path.of(name)), in.readAllBytes(), null);
        } catch (IOException e) {
            throw new WebException(500, "cannot read static/" + name + ": " + e.getMessage());
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
