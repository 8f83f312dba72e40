package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scipion server --port 0} as a user runs it, with a streaming import project: the pages and the JSON
 * API over HTTP (127.0.0.1 only), admin actions with and without the token, path traversal, and a real browser
 * (Debian's headless Chromium) that renders the project page and sees it update while movies arrive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTIFACTS = Path.of(System.getProperty("scipion.dist", "target/scipion"))
            .resolveSibling("web-artifacts");

    static Path userData;
    static Path data;
    static ScipionProcess server;
    static String url;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static int movies;

    @BeforeAll
    static void startServer() throws Exception {
        userData = Files.createTempDirectory("scipion-web-it");
        data = Files.createDirectories(userData.resolve("microscope"));
        Path workflow = userData.resolve("workflow.json");
        Files.writeString(workflow, TestMovies.workflow(data, "*.mrc", 1, 600));
        ScipionProcess.Result created = ScipionProcess.run(userData, TIMEOUT, "create-project", "name=web",
                "workflow=" + workflow);
        assertEquals(0, created.exitCode(), created::toString);
        server = ScipionProcess.start(userData, "server", "--port", "0");
        server.awaitOutput("Web: http://127.0.0.1:", TIMEOUT);
        Map<?, ?> info = JSON.readValue(userData.resolve("runtime/server.json").toFile(), Map.class);
        url = info.get("url").toString();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
        assertEquals(server.pid(), ((Number) info.get("pid")).longValue());
        ScipionProcess.Result scheduled = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=web");
        assertEquals(0, scheduled.exitCode(), scheduled::toString);
        addMovie();
        addMovie();
        awaitDone(2);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
            server.close();
        }
    }

    @Test
    @Order(1)
    void pagesAndJsonApi() throws Exception {
        HttpResponse<String> home = get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(200, get("static/app.js").statusCode());
        assertTrue(get("projects/web/").body().contains("data-page=\"project\""));
        assertTrue(get("projects/web/runs/2").body().contains("data-page=\"run\""));

        List<?> projects = JSON.readValue(get("api/projects").body(), List.class);
        assertEquals("web", ((Map<?, ?>) projects.get(0)).get("name"));
        Map<?, ?> run = JSON.readValue(get("api/projects/web/runs/2").body(), Map.class);
        assertEquals("*.mrc", ((Map<?, ?>) run.get("params")).get("filesPattern"));
        assertTrue(get("api/projects/web/runs/2/log").statusCode() == 200);

        // follow the stream by cursor: one page of one item, then the rest
        Map<?, ?> page = JSON.readValue(get("api/projects/web/sets/2.outputMovies/items?after=0&limit=1").body(), Map.class);
        assertEquals(1, ((List<?>) page.get("items")).size());
        Map<?, ?> rest = JSON.readValue(get("api/projects/web/sets/2.outputMovies/items?after=" + page.get("next")).body(), Map.class);
        assertTrue(((List<?>) rest.get("items")).size() >= 1, rest::toString);

        HttpResponse<String> missing = get("api/projects/nope");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"error\""), missing.body());
        assertEquals(400, get("api/projects/web/sets/2.outputMovies/items?limit=abc").statusCode());
    }

    @Test
    @Order(2)
    void noPathOutsideTheProject() throws Exception {
        Path dir = userData.resolve("projects/web");
        Files.writeString(userData.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("out.txt"), userData.resolve("secret.txt"));
        Files.writeString(dir.resolve("in.txt"), "inside");
        assertEquals("inside", get("projects/web/files/in.txt").body());
        for (String bad : List.of("projects/web/files/../../secret.txt", "projects/web/files/%2e%2e/%2e%2e/secret.txt",
                "projects/web/files/..%2f..%2fsecret.txt", "projects/web/files/%2E%2E%2F%2E%2E%2Fsecret.txt",
                "projects/web/files/out.txt", "api/projects/..%2f..%2fsecret.txt")) {
            HttpResponse<String> r = get(bad);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, bad + " -> " + r.statusCode());
            assertFalse(r.body().contains("secret\n") || r.body().equals("secret"), bad + " leaked: " + r.body());
        }
    }

    @Test
    @Order(3)
    void commandsDoNotBindAPortWhileTheServerRuns() throws Exception {
        ScipionProcess.Result status = ScipionProcess.run(userData, TIMEOUT, "status", "name=web");
        assertEquals(0, status.exitCode(), status::toString);
        assertFalse(status.stdout().contains("Web: "), status::toString);
        Map<?, ?> info = JSON.readValue(userData.resolve("runtime/server.json").toFile(), Map.class);
        assertEquals(server.pid(), ((Number) info.get("pid")).longValue(), "status must not replace server.json");
    }

    @Test
    @Order(4)
    void browserRendersTheRunsTableAndSeesItUpdate() throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on this machine ('apt-get install chromium'; .ci/run does)");
        Files.createDirectories(ARTIFACTS);
        long before = done();
        String dom1 = chromium(chromium, "--dump-dom", url + "projects/web/");
        Matcher m1 = doneCell(dom1);
        assertTrue(m1.find(), "runs table not rendered:\n" + dom1);
        assertTrue(dom1.contains("id=\"graph\""), "graph not drawn");
        assertTrue(Long.parseLong(m1.group(1)) >= before);
        Files.writeString(ARTIFACTS.resolve("project-1.html"), dom1);

        addMovie();
        addMovie();
        awaitDone(before + 2);
        String dom2 = chromium(chromium, "--dump-dom", url + "projects/web/");
        Files.writeString(ARTIFACTS.resolve("project-2.html"), dom2);
        Matcher m2 = doneCell(dom2);
        assertTrue(m2.find(), dom2);
        assertTrue(Long.parseLong(m2.group(1)) >= before + 2, "the table did not update: " + m2.group(1));
        assertTrue(Integer.parseInt(polls(dom2)) >= 1, "the page never polled the API");

        Path png = ARTIFACTS.resolve("project.png");
        Files.deleteIfExists(png);
        chromium(chromium, "--screenshot=" + png, "--window-size=1200,800", url + "projects/web/");
        assertTrue(Files.size(png) > 1000, "no screenshot");
        chromium(chromium, "--screenshot=" + ARTIFACTS.resolve("run.png"), "--window-size=1200,1000", url + "projects/web/runs/2");
    }

    @Test
    @Order(5)
    void adminActionsNeedTheToken() throws Exception {
        Path tokenFile = userData.resolve("runtime/admin.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        String token = Files.readString(tokenFile).trim();
        assertEquals(401, post("api/projects/web/runs/2/close-stream", null).statusCode());
        assertEquals(401, post("api/projects/web/runs/2/close-stream", "Bearer nope").statusCode());
        HttpResponse<String> ok = post("api/projects/web/runs/2/close-stream", "Bearer " + token);
        assertEquals(200, ok.statusCode(), ok.body());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"finished".equals(run().get("status"))) {
            assertTrue(System.nanoTime() < deadline, "close-stream through the web never finished the import: " + run());
            Thread.sleep(300); // NB: another process; nothing to wait on but HTTP
        }
        HttpResponse<String> copy = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/projects/web/runs/2/copy"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\": {\"filesPattern\": \"a*.mrc\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, copy.statusCode(), copy.body());
        long id = ((Number) JSON.readValue(copy.body(), Map.class).get("copy")).longValue();
        Map<?, ?> copied = JSON.readValue(get("api/projects/web/runs/" + id).body(), Map.class);
        assertEquals("a*.mrc", ((Map<?, ?>) copied.get("params")).get("filesPattern"));
    }

    // -- helpers --

    static void addMovie() throws Exception {
        TestMovies.write(data.resolve("m" + (movies++) + ".mrc"), 32, 2, 0);
    }

    static Map<?, ?> run() throws Exception {
        Map<?, ?> p = JSON.readValue(get("api/projects/web").body(), Map.class);
        return (Map<?, ?>) ((List<?>) p.get("runs")).get(0);
    }

    static long done() throws Exception {
        return ((Number) run().get("done")).longValue();
    }

    static void awaitDone(long n) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (done() < n) {
            assertTrue(System.nanoTime() < deadline, "the server never imported " + n + " movies: " + run());
            Thread.sleep(300); // NB: another process; nothing to wait on but HTTP
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Matcher doneCell(String dom) {
        return Pattern.compile("data-run=\"2\".*?class=\"num done\">(\\d+)<", Pattern.DOTALL).matcher(dom);
    }

    static String polls(String dom) {
        Matcher m = Pattern.compile("data-polls=\"(\\d+)\"").matcher(dom);
        return m.find() ? m.group(1) : "0";
    }

    static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    /** Runs headless Chromium once (its own profile, no network but loopback) and returns its stdout. */
    static String chromium(Path binary, String... args) throws Exception {
        Path profile = Files.createTempDirectory("scipion-chromium");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=6000"));
        cmd.addAll(List.of(args));
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT.toSeconds() + " s: " + cmd);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return text;
    }
}
