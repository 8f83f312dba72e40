package org.scipionj.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium driven through the Chrome DevTools protocol, for browser tests: a WebSocket on
 * 127.0.0.1 (java.net.http), one tab per {@link Tab}, JavaScript evaluated in the rendered page, screenshots.
 * Chromium runs with a throw-away profile and with every background service off; host names other than
 * 127.0.0.1 do not resolve, and each tab records the URL of every request it makes so a test can check that
 * nothing left loopback.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.launch(HeadlessChromium.find())) {
 *     HeadlessChromium.Tab tab = browser.open("http://127.0.0.1:8180/");
 *     JsonNode title = tab.evaluate("document.title");
 *     Files.write(png, tab.screenshot());
 * }
 * }</pre>
 *
 * Thread-safe.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> requests = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, URI endpoint) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(endpoint, new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Debian's {@code chromium} (or {@code chromium-browser}), or null when neither is installed. */
    static Path find() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    /** Starts Chromium headless with a fresh profile and connects to its DevTools endpoint. */
    static HeadlessChromium launch(Path binary) throws Exception {
        Path profile = Files.createTempDirectory("scipion-chromium-cdp");
        List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
                "--disable-client-side-phishing-detection", "--disable-breakpad", "--metrics-recording-only",
                "--no-pings", "--safebrowsing-disable-auto-update", "--disable-features=OptimizationHints,Translate,"
                        + "MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,1024",
                "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not open its DevTools port (" + command + "):\n"
                        + Files.readString(profile.resolveSibling(profile.getFileName() + ".log")));
            }
            Thread.sleep(100); // NB: Chromium writes the file once it listens; there is no event to wait on
        }
        List<String> lines = Files.readAllLines(portFile);
        return new HeadlessChromium(process, profile, URI.create("ws://127.0.0.1:" + lines.get(0).trim()
                + lines.get(1).trim()));
    }

    /** Opens a new tab at {@code url} and waits until its document has loaded. */
    Tab open(String url) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        requests.put(session, new CopyOnWriteArrayList<>());
        call(session, "Network.enable", Map.of());
        call(session, "Page.enable", Map.of());
        call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 1024, "deviceScaleFactor", 1, "mobile", false));
        call(session, "Page.navigate", Map.of("url", url));
        Tab tab = new Tab(session);
        tab.await("document loaded", "document.readyState === 'complete' && location.href !== 'about:blank'",
                JsonNode::asBoolean, CALL_TIMEOUT);
        return tab;
    }

    /** One open tab. */
    final class Tab {
        private final String session;

        private Tab(String session) {
            this.session = session;
        }

        /**
         * Evaluates {@code expression} in the page (a promise is awaited) and returns its value as JSON.
         *
         * @throws IllegalStateException when the script throws or the page is between two documents
         */
        JsonNode evaluate(String expression) throws Exception {
            JsonNode r = call(session, "Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("script failed: " + r.path("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /**
         * Evaluates {@code expression} until its value satisfies {@code done} (also across the page's own reloads)
         * and returns that value.
         *
         * @throws AssertionError with the last value or error when {@code timeout} passes first
         */
        JsonNode await(String what, String expression, Predicate<JsonNode> done, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            Object last = null;
            while (System.nanoTime() < deadline) {
                try {
                    JsonNode value = evaluate(expression);
                    if (done.test(value)) {
                        return value;
                    }
                    last = value;
                } catch (IllegalStateException e) {
                    last = e.getMessage(); // NB: e.g. the page is reloading itself; try again
                }
                Thread.sleep(250); // NB: the page changes on its own (reload, polling); nothing to subscribe to
            }
            throw new AssertionError(what + ": not reached within " + timeout.toSeconds() + " s; last: " + last);
        }

        /**
         * A PNG of the whole page, or of its viewport when the whole page cannot be captured between two of its own
         * reloads. The tab is brought to the front first (background tabs paint no frames); a capture that fails or
         * hangs because the page is reloading itself at that moment is tried again.
         */
        byte[] screenshot() throws Exception {
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            Exception last = null;
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                try {
                    call(session, "Page.bringToFront", Map.of(), Duration.ofSeconds(15));
                    // NB: the whole page first; if that does not finish between two reloads, the viewport only
                    JsonNode r = call(session, "Page.captureScreenshot",
                            Map.of("format", "png", "captureBeyondViewport", attempt == 0), Duration.ofSeconds(15));
                    return Base64.getDecoder().decode(r.path("data").asText());
                } catch (IllegalStateException | TimeoutException e) {
                    last = e;
                }
            }
            throw new AssertionError("no screenshot within " + CALL_TIMEOUT.toSeconds() + " s: " + last);
        }

        /** Every URL this tab has requested so far. */
        List<String> requestedUrls() {
            return new ArrayList<>(requests.get(session));
        }
    }

    private JsonNode call(String session, String method, Map<String, ?> params) throws Exception {
        try {
            return call(session, method, params, CALL_TIMEOUT);
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /**
     * Sends one DevTools command and waits for its answer.
     *
     * @throws IllegalStateException when Chromium answers with an error
     * @throws TimeoutException      when it does not answer within {@code timeout}
     */
    private JsonNode call(String session, String method, Map<String, ?> params, Duration timeout) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        }
        JsonNode answer;
        try {
            answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("chromium did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("DevTools connection lost during " + method, e.getCause());
        } finally {
            calls.remove(id);
        }
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.path("error"));
        }
        return answer.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                dispatch(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            calls.values().forEach(c -> c.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            calls.values().forEach(c -> c.completeExceptionally(new IOException("closed: " + reason)));
            return null;
        }
    }

    private void dispatch(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> call = calls.get(m.path("id").asLong());
                if (call != null) {
                    call.complete(m);
                }
            } else if ("Network.requestWillBeSent".equals(m.path("method").asText())) {
                List<String> urls = requests.get(m.path("sessionId").asText());
                if (urls != null) {
                    urls.add(m.path("params").path("request").path("url").asText());
                }
            }
        } catch (IOException e) {
            calls.values().forEach(c -> c.completeExceptionally(e));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            call(null, "Browser.close", Map.of());
        } catch (RuntimeException | AssertionError e) {
            // NB: it may already be gone; it is killed below anyway
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(profile.resolveSibling(profile.getFileName() + ".log"));
    }
}
