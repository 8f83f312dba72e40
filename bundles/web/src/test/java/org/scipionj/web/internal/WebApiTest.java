package org.scipionj.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON API, pages and file serving against a real project store (no HTTP server needed). */
class WebApiTest {

    @TempDir
    Path tmp;
    DefaultProjectService service;
    OpenProjects projects;
    AdminToken token;
    ScipionServlet servlet;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "org.scipionj.importer 1.0.0");
        service = new DefaultProjectService(tmp.resolve("userdata"), registry, 2);
        Path data = Files.createDirectories(tmp.resolve("movies"));
        for (int i = 0; i < 5; i++) {
            writeMovie(data.resolve("m" + i + ".mrc"), 16, 2);
        }
        String workflow = """
                [{"object.className": "ProtImportMovies", "object.id": "2", "object.label": "import",
                  "filesPath": "%s", "filesPattern": "*.mrc", "dataStreaming": false, "samplingRate": 1.1}]
                """.formatted(data);
        try (Project p = service.create("p1", workflow, "test")) {
            p.schedule();
            p.start().awaitEnd(Duration.ofSeconds(60));
        }
        servlet = new ScipionServlet(service);
        token = new AdminToken(ServerInfo.runtimeDir(service));
    }

    @AfterEach
    void tearDown() {
        servlet.close();
    }

    WebReply get(String path) {
        String[] pq = path.split("\\?", 2);
        Map<String, String> query = new java.util.HashMap<>();
        if (pq.length == 2) {
            for (String kv : pq[1].split("&")) {
                String[] x = kv.split("=", 2);
                query.put(x[0], x.length > 1 ? x[1] : "");
            }
        }
        return servlet.answer(WebRequest.get(pq[0], query));
    }

    WebReply post(String path, String auth, String body) {
        return servlet.answer(new WebRequest("POST", path, Map.of(), auth, body));
    }

    Map<?, ?> object(WebReply r) throws IOException {
        return json.readValue(r.body(), Map.class);
    }

    @Test
    void projectsAndOneProjectWithItsRunsAndOutputs() throws Exception {
        WebReply list = get("/api/projects");
        assertEquals(200, list.status());
        assertEquals(WebReply.JSON, list.contentType());
        List<?> all = json.readValue(list.body(), List.class);
        assertEquals("p1", ((Map<?, ?>) all.get(0)).get("name"));

        Map<?, ?> p = object(get("/api/projects/p1"));
        Map<?, ?> run = (Map<?, ?>) ((List<?>) p.get("runs")).get(0);
        assertEquals(2, run.get("id"));
        assertEquals("finished", run.get("status"), run.toString());
        assertEquals(5, run.get("done"));
        Map<?, ?> out = (Map<?, ?>) ((List<?>) run.get("outputs")).get(0);
        assertEquals("2.outputMovies", out.get("set"));
        assertEquals(5, out.get("size"));
        assertNull(p.get("report"));
    }

    @Test
    void oneRunWithParametersFailuresAndLog() throws Exception {
        Map<?, ?> run = object(get("/api/projects/p1/runs/2"));
        assertEquals("ProtImportMovies", run.get("className"));
        assertEquals("*.mrc", ((Map<?, ?>) run.get("params")).get("filesPattern"));
        assertNotNull(run.get("failures"));
        WebReply log = get("/api/projects/p1/runs/2/log");
        assertEquals(200, log.status());
        assertEquals(WebReply.TEXT, log.contentType());
        assertEquals(200, get("/projects/p1/runs/2").status());
        assertTrue(get("/projects/p1/runs/2").text().contains("data-page=\"run\""));
    }

    @Test
    void itemsArePagedByCursor() throws Exception {
        Map<?, ?> page1 = object(get("/api/projects/p1/sets/2.outputMovies/items?limit=2"));
        assertEquals(2, ((List<?>) page1.get("items")).size());
        long next = ((Number) page1.get("next")).longValue();
        Map<?, ?> page2 = object(get("/api/projects/p1/sets/2.outputMovies/items?after=" + next + "&limit=10"));
        List<?> items = (List<?>) page2.get("items");
        assertEquals(3, items.size());
        Map<?, ?> first = (Map<?, ?>) items.get(0);
        assertTrue(((Number) first.get("seq")).longValue() > next);
        assertEquals("Movie", first.get("type"));
        assertTrue(((Map<?, ?>) first.get("item")).get("file").toString().endsWith(".mrc"));
        Map<?, ?> end = object(get("/api/projects/p1/sets/2.outputMovies/items?after=" + page2.get("next")));
        assertEquals(0, ((List<?>) end.get("items")).size());
        assertEquals(page2.get("next"), end.get("next"), "an empty page keeps the cursor");
        assertEquals("closed", end.get("state"));
    }

    @Test
    void badRequestsGetClearJsonErrors() throws Exception {
        assertError(get("/api/projects/nope"), 404, "GET /api/projects");
        assertError(get("/api/projects/p1/runs/99"), 404, "no run 99");
        assertError(get("/api/projects/p1/runs/x"), 400, "not a number");
        assertError(get("/api/projects/p1/sets/2.outputMovies/items?limit=0"), 400, "1..1000");
        assertError(get("/api/projects/p1/sets/2.outputMovies/items?after=-3"), 400, "'next' of the previous page");
        assertError(get("/api/projects/p1/sets/nonsense/items"), 400, "RUN.OUTPUT");
        assertError(get("/api/projects/p1/sets/2.outputNothing/items"), 404, "no set");
        assertError(get("/api/elsewhere"), 404, "/api/projects");
        assertError(get("/projects/p1/report/"), 404, "ProtMonitorSummary");
        assertError(get("/api/projects/p1/runs/2/stop"), 405, "POST");
    }

    @Test
    void adminActionsNeedTheToken() throws Exception {
        assertError(post("/api/projects/p1/runs/2/stop", null, ""), 401, "admin.token");
        String t = token.generate();
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(token.file()));
        assertError(post("/api/projects/p1/runs/2/stop", null, ""), 401, "Authorization: Bearer");
        assertError(post("/api/projects/p1/runs/2/stop", "Bearer wrong", ""), 401, "wrong admin token");
        assertError(post("/api/projects/p1/runs/2/explode", "Bearer " + t, ""), 404, "close-stream");
        assertError(post("/api/projects/p1/runs/2/copy", "Bearer " + t, "{not json"), 400, "params");

        WebReply copy = post("/api/projects/p1/runs/2/copy", "Bearer " + t, "{\"params\": {\"filesPattern\": \"m1*.mrc\"}}");
        assertEquals(200, copy.status(), copy.text());
        long id = ((Number) object(copy).get("copy")).longValue();
        Map<?, ?> copied = object(get("/api/projects/p1/runs/" + id));
        assertEquals("m1*.mrc", ((Map<?, ?>) copied.get("params")).get("filesPattern"));
        assertEquals(200, post("/api/projects/p1/runs/" + id + "/stop", "Bearer " + t, "").status());
        assertEquals(200, post("/api/projects/p1/runs/2/continue", "Bearer " + t, "").status());
        assertEquals(200, post("/api/projects/p1/runs/2/close-stream", "Bearer " + t, "").status());
    }

    @Test
    void neverServesAPathOutsideTheProject() throws Exception {
        Path dir = service.projectsDir().resolve("p1");
        Files.writeString(dir.resolve("inside.txt"), "ok");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("link.txt"), secret);
        Files.createSymbolicLink(dir.resolve("linkdir"), tmp);
        assertEquals(200, get("/projects/p1/files/inside.txt").status());
        assertEquals(dir.resolve("inside.txt").toRealPath(), get("/projects/p1/files/inside.txt").file());
        for (String bad : List.of("/projects/p1/files/../../secret.txt", "/projects/p1/files/%2e%2e/%2e%2e/secret.txt",
                "/projects/p1/files/%2E%2E%2F%2E%2E%2Fsecret.txt", "/projects/p1/files/..%2f..%2fsecret.txt",
                "/projects/p1/files/link.txt", "/projects/p1/files/linkdir/secret.txt",
                "/projects/p1/files/%2e%2e%5csecret.txt", "/projects/p1/files/x%00.txt",
                "/projects/..%2f..%2fsecret.txt/", "/api/projects/%2e%2e/runs/2")) {
            WebReply r = get(bad);
            assertEquals(400, r.status(), bad + ": " + r.text());
            assertNull(r.file(), bad);
            assertTrue(!r.text().contains("secret") || r.text().contains("secret.txt"), bad);
        }
        assertError(get("/projects/p1/files/missing.txt"), 404, "no file");
    }

    @Test
    void reportFolderOfTheSummaryMonitorIsServed() throws Exception {
        String workflow = """
                [{"object.className": "ProtImportMovies", "object.id": "2", "filesPath": "%s", "filesPattern": "*.mrc",
                  "dataStreaming": false, "samplingRate": 1.1}]
                """.formatted(tmp.resolve("movies"));
        // NB: a monitor run is not installed here; fake its folder under an existing run's class to check the route
        assertNotNull(workflow);
        Path report = service.projectsDir().resolve("p1/Runs/000002_ProtImportMovies").resolve(WebApi.REPORT_DIR);
        Files.createDirectories(report);
        Files.writeString(report.resolve("index.html"), "<html>report</html>");
        assertError(get("/projects/p1/report/index.html"), 404, "no report yet");
    }

    @Test
    void pagesAndStaticFiles() {
        assertTrue(get("/").text().contains("data-page=\"projects\""));
        assertTrue(get("/projects/p1/").text().contains("data-project=\"p1\""));
        assertEquals(302, get("/projects/p1").status());
        assertEquals("/projects/p1/", get("/projects/p1").text());
        assertTrue(get("/static/app.js").text().contains("scipionAdmin"));
        assertEquals(404, get("/static/other.js").status());
        assertEquals(405, servlet.answer(new WebRequest("POST", "/projects/p1/", Map.of(), null, "")).status());
    }

    void assertError(WebReply r, int status, String hint) throws IOException {
        assertEquals(status, r.status(), r.text());
        assertEquals(WebReply.JSON, r.contentType());
        Map<?, ?> m = object(r);
        assertEquals(status, m.get("status"));
        assertTrue(m.get("error").toString().contains(hint), m.get("error") + " should mention " + hint);
    }

    static void writeMovie(Path file, int n, int frames) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, n).putInt(4, n).putInt(8, frames).putInt(12, 2).putInt(28, n).putInt(32, n).putInt(36, frames);
        h.putFloat(40, n * 1.1f).putFloat(44, n * 1.1f).putFloat(48, frames);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII)).put(212, (byte) 0x44).put(213, (byte) 0x44);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            out.write(new byte[n * n * 4 * frames]);
        }
    }
}
