package org.scipionj.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The workflow template form: listing, rendering, server-side validation, the token, and creating the project. */
class TemplateFormTest {

    static final String TEMPLATE = """
            Import only: movies from a folder (test template).
            Second description line.
            [{"object.className": "ProtImportMovies", "object.id": "2",
              "filesPath": "~Movies folder|%(HOME)s/movies|6|moviesPath~",
              "filesPattern": "~Files pattern|movie_*.mrc|0|pattern~",
              "samplingRate": ~Sampling rate (Å/px)|1.0|4|sampling~,
              "dosePerFrame": 1.5,
              "dataStreaming": ~Streaming|true|1|streaming~,
              "fileTimeout": ~File timeout (s)|30|3|fileTimeout~}]
            """;

    @TempDir
    Path tmp;
    DefaultProjectService projects;
    String token;
    TemplateForm form;

    @BeforeEach
    void setUp() throws Exception {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import test");
        projects = new DefaultProjectService(tmp.resolve("user"), registry, 1);
        token = new AdminToken(ServerInfo.runtimeDir(projects)).generate();
        Path home = Files.createDirectories(tmp.resolve("dist/workflows"));
        Files.writeString(home.resolve("import.json.template"), TEMPLATE);
        Files.writeString(home.resolve("broken.json.template"), "no JSON here\n");
        form = new TemplateForm(projects, new AdminToken(ServerInfo.runtimeDir(projects)),
                TemplateCatalog.of(null, tmp.resolve("dist").toString()),
                Map.of("HOME", "/home/op")::get, () -> LocalDateTime.of(2026, 11, 26, 9, 30, 0));
    }

    private WebReply get(String path) {
        return form.handle(WebRequest.get(path, Map.of()));
    }

    private WebReply post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return form.handle(new WebRequest("POST", path, Map.of(), null, body));
    }

    private Map<String, String> valid() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("projectName", "s42");
        f.put("field0", tmp.resolve("movies").toString());
        f.put("field1", "FoilHole_*.tiff");
        f.put("field2", "0.83");
        f.put("field3", "false");
        f.put("field4", "60");
        f.put("token", token);
        return f;
    }

    @Test
    void listsTheTemplatesWithTheirDescription() {
        WebReply r = get("/templates");
        assertEquals(200, r.status());
        assertEquals(WebReply.HTML, r.contentType());
        assertTrue(r.text().contains("<a href=\"/templates/import\">import</a>"), r.text());
        assertTrue(r.text().contains("Import only: movies from a folder (test template)."), r.text());
        assertFalse(r.text().contains("Second description line"), "the first line only");
        assertTrue(r.text().contains("broken</a></td><td>cannot be used: template "), "a bad template says why");

        TemplateForm none = new TemplateForm(projects, new AdminToken(tmp), TemplateCatalog.of(
                tmp.resolve("nowhere").toString(), null), n -> null, LocalDateTime::now);
        String text = none.handle(WebRequest.get("/templates", Map.of())).text();
        assertTrue(text.contains("No workflow templates") && text.contains(tmp.resolve("nowhere").toString()), text);
    }

    @Test
    void rendersEachFieldWithItsDefaultAndType() {
        WebReply r = get("/templates/import");
        assertEquals(200, r.status());
        String html = r.text();
        assertTrue(html.contains("value=\"import-20261126-093000\""), "a fresh project name: " + html);
        assertTrue(html.contains("name=\"field0\" type=\"text\" value=\"/home/op/movies\" required"),
                "folder default with the server's HOME: " + html);
        assertTrue(html.contains("name=\"field1\" type=\"text\" value=\"movie_*.mrc\""), html);
        assertTrue(html.contains("name=\"field2\" type=\"number\" value=\"1.0\" step=\"any\""), html);
        assertTrue(html.contains("<select id=\"field3\" name=\"field3\"><option value=\"true\" selected>yes"), html);
        assertTrue(html.contains("name=\"field4\" type=\"number\" value=\"30\" step=\"1\""), html);
        assertTrue(html.contains("Sampling rate (Å/px)<span class=\"hint\">sampling, decimal</span>"), html);
        assertTrue(html.contains("name=\"token\" type=\"password\""), html);
        assertTrue(html.contains("<form class=\"template\" method=\"post\" action=\"/templates/import\">"), html);
        assertEquals(404, get("/templates/nope").status());
        assertEquals(409, get("/templates/broken").status(), "a template that does not parse says why");
    }

    @Test
    void wrongValuesRedisplayTheFormWithOneMessagePerField() {
        Map<String, String> f = valid();
        f.put("projectName", "bad name!");
        f.put("field0", "  ");
        f.put("field2", "fast");
        f.put("field3", "perhaps");
        f.put("field4", "1.5");
        WebReply r = post("/templates/import", f);
        assertEquals(400, r.status());
        String html = r.text();
        assertTrue(html.contains("5 fields need a change"), html);
        assertTrue(html.contains("id=\"projectName-error\">'bad name!' is not a valid project name"), html);
        assertTrue(html.contains("id=\"field0-error\">'Movies folder' needs a path"), html);
        assertTrue(html.contains("id=\"field2-error\">'Sampling rate (Å/px)' must be a number, not 'fast'"), html);
        assertTrue(html.contains("id=\"field3-error\">'Streaming' must be true or false, not 'perhaps'"), html);
        assertTrue(html.contains("id=\"field4-error\">'File timeout (s)' must be a whole number, not '1.5'"), html);
        assertTrue(html.contains("name=\"field2\" type=\"number\" value=\"fast\""), "the given value is kept");
        assertFalse(html.contains("token-error"), "the token was right");
        assertEquals(List.of(), projects.list(), "nothing created");

        Map<String, String> unset = valid();
        unset.put("field0", "%(DATA_ROOT)s/movies");
        String text = post("/templates/import", unset).text();
        assertTrue(text.contains("uses %(DATA_ROOT)s, which the server's environment does not set"), text);
    }

    @Test
    void theAdminTokenIsRequired() {
        Map<String, String> f = valid();
        f.put("token", "guess");
        WebReply r = post("/templates/import", f);
        assertEquals(401, r.status());
        assertTrue(r.text().contains("id=\"token-error\">wrong admin token"), r.text());
        f.remove("token");
        assertEquals(401, post("/templates/import", f).status());
        assertEquals(List.of(), projects.list());
    }

    @Test
    void aValidSubmissionCreatesAndSchedulesTheProject() {
        WebReply r = post("/templates/import", valid());
        assertEquals(303, r.status(), r.text());
        assertEquals("/projects/s42/", r.text());
        try (Project p = projects.open("s42")) {
            RunInfo run = p.run(2).orElseThrow();
            assertEquals(RunStatus.SCHEDULED, run.status());
            assertEquals(tmp.resolve("movies").toString(), run.params().get("filesPath"));
            assertEquals("FoilHole_*.tiff", run.params().get("filesPattern"));
            assertEquals(0.83, ((Number) run.params().get("samplingRate")).doubleValue());
            assertEquals(false, run.params().get("dataStreaming"));
            assertEquals(60, ((Number) run.params().get("fileTimeout")).intValue());
        }
        WebReply again = post("/templates/import", valid());
        assertEquals(400, again.status());
        assertTrue(again.text().contains("a project named 's42' already exists"), again.text());
    }

    @Test
    void theConfiguredFolderComesFirst() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("import.json.template"), "Facility copy\n[]\n");
        TemplateCatalog c = TemplateCatalog.of(mine.toString(), tmp.resolve("dist").toString());
        assertEquals(mine.resolve("import.json.template"), c.find("import").orElseThrow().file());
        assertEquals(List.of("broken", "import"), c.list().stream().map(TemplateCatalog.Entry::id).toList());
    }

    @Test
    void theServletReadsTheFormBodyItselfAndRedirectsWith303() throws Exception {
        String body = valid().entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        ByteArrayInputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/templates/import";
                    case "getContextPath" -> "";
                    case "getQueryString" -> null;
                    case "getHeader" -> null;
                    case "getInputStream" -> new ServletInputStream() {
                        @Override public int read() { return in.read(); }
                        @Override public boolean isFinished() { return in.available() == 0; }
                        @Override public boolean isReady() { return true; }
                        @Override public void setReadListener(ReadListener l) { }
                    };
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Map<String, Object> seen = new HashMap<>();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getOutputStream")) {
                        return new ServletOutputStream() {
                            @Override public void write(int b) { }
                            @Override public boolean isReady() { return true; }
                            @Override public void setWriteListener(WriteListener l) { }
                        };
                    }
                    seen.put(m.getName() + (m.getName().equals("setHeader") ? ":" + args[0] : ""),
                            args == null ? null : args[args.length - 1]);
                    return null;
                });
        new TemplateServlet(form).service(req, resp);
        assertEquals(303, seen.get("setStatus"));
        assertEquals("/projects/s42/", seen.get("setHeader:Location"));
        assertTrue(projects.list().contains("s42"));
    }
}
