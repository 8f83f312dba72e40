package org.scipionj.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The report route of a summary monitor run, and the servlet adapter (request in, reply out) with fakes. */
class ReportAndServletTest {

    @TempDir
    Path tmp;

    /** A project "p" with one ProtMonitorSummary run 7, faked with dynamic proxies. */
    ProjectService service(Path projectDir) {
        RunInfo monitor = new RunInfo(7, "summary", "ProtMonitorSummary", "monitor.summary", RunStatus.RUNNING, 0, 0,
                Map.of(), Map.of(), List.of(), null, "test");
        Project project = (Project) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Project.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "name" -> "p";
                    case "dir" -> projectDir;
                    case "runs" -> List.of(monitor);
                    case "run" -> (Long) args[0] == 7 ? Optional.of(monitor) : Optional.empty();
                    case "isProcessing" -> true;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ProjectService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ProjectService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "projectsDir" -> projectDir.getParent();
                    case "list" -> List.of("p");
                    case "open" -> project;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void summaryMonitorReportIsServedAndLinked() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("projects/p"));
        Path report = Files.createDirectories(dir.resolve("Runs/000007_ProtMonitorSummary/extra/report"));
        WebFront front = new WebFront(service(dir));
        assertEquals(404, front.answer("GET", "/projects/p/report/", null, null).status());
        Files.writeString(report.resolve("index.html"), "<html>report</html>");
        Files.write(report.resolve("ctf.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(tmp.resolve("outside.txt"), "secret");
        Files.createSymbolicLink(report.resolve("escape.txt"), tmp.resolve("outside.txt"));

        WebFront.Answer index = front.answer("GET", "/projects/p/report/", null, null);
        assertEquals(200, index.status());
        assertEquals("<html>report</html>", new String(index.body(), StandardCharsets.UTF_8));
        WebFront.Answer png = front.answer("GET", "/projects/p/report/ctf.png", null, null);
        assertEquals("image/png", png.contentType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, png.body());
        assertEquals(400, front.answer("GET", "/projects/p/report/escape.txt", null, null).status());
        assertEquals(400, front.answer("GET", "/projects/p/report/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside.txt", null, null).status());
        String json = new String(front.answer("GET", "/api/projects/p", null, null).body(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"report\":\"/projects/p/report/index.html\""), json);
        front.close();
    }

    @Test
    void servletAdapterReadsTheRawPathAndBodyAndWritesTheReply() throws Exception {
        Map<String, String[]> params = new HashMap<>(Map.of("after", new String[] {"5"}));
        byte[] body = "{\"params\":{}}".getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/ctx/api/projects/p/runs/%2e%2e";
                    case "getContextPath" -> "/ctx";
                    case "getParameterMap" -> params;
                    case "getHeader" -> "Authorization".equals(args[0]) ? "Bearer t" : null;
                    case "getInputStream" -> new ServletInputStream() {
                        @Override public int read() { return in.read(); }
                        @Override public boolean isFinished() { return in.available() == 0; }
                        @Override public boolean isReady() { return true; }
                        @Override public void setReadListener(ReadListener l) { }
                    };
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        WebRequest r = ScipionServlet.request(req);
        assertEquals("/api/projects/p/runs/%2e%2e", r.rawPath(), "raw, still encoded, without the context path");
        assertEquals("5", r.query().get("after"));
        assertEquals("Bearer t", r.authorization());
        assertEquals("{\"params\":{}}", r.body());

        Map<String, Object> seen = new HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getOutputStream":
                            return new ServletOutputStream() {
                                @Override public void write(int b) { out.write(b); }
                                @Override public boolean isReady() { return true; }
                                @Override public void setWriteListener(WriteListener l) { }
                            };
                        default:
                            seen.put(m.getName() + (m.getName().equals("setHeader") ? ":" + args[0] : ""),
                                    args == null ? null : args[args.length - 1]);
                            return null;
                    }
                });
        ScipionServlet.write(WebReply.of(400, WebReply.JSON, "{\"error\":\"x\"}"), false, resp);
        assertEquals(400, seen.get("setStatus"));
        assertEquals(WebReply.JSON, seen.get("setContentType"));
        assertEquals("nosniff", seen.get("setHeader:X-Content-Type-Options"));
        assertEquals("{\"error\":\"x\"}", out.toString(StandardCharsets.UTF_8));
        ScipionServlet.write(WebReply.of(302, WebReply.TEXT, "/projects/p/"), false, resp);
        assertEquals("/projects/p/", seen.get("sendRedirect"));
    }
}
