package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real browser (Debian's headless Chromium, driven through the DevTools protocol) keeps the summary monitor's
 * report and the project page open on {@code scipion server} while the simulated microscope feeds the real
 * plugins (movies simulated first, then delivered into the watched folder by the test, so each look sees a known
 * state whatever the machine's speed): both pages render (every image decoded, the latest-micrographs table filled,
 * the runs table and graph drawn) and update by themselves as micrographs arrive (the report reloads itself, the project page polls the
 * API); once the stream is closed the report says so and stops reloading. Screenshots of each look go to
 * {@code target/browser-artifacts/}. The browser never requests anything but the server on 127.0.0.1.
 */
class LiveReportBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTIFACTS = ScipionRuntime.distribution().resolveSibling("browser-artifacts");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * What the rendered report shows: images (loaded or not), table rows, state and a hash of one plot's pixels; null
     * while the page is loading (it reloads itself).
     */
    private static final String REPORT_LOOK = """
            (async () => {
              if (document.readyState !== 'complete') { return null; } // NB: mid-reload, the DOM is partial
              const imgs = [...document.images];
              await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
              const plot = document.querySelector('img[src="ctf_defocus.png"]');
              let hash = null;
              if (plot && plot.naturalWidth > 0) {
                const c = document.createElement('canvas');
                c.width = plot.naturalWidth; c.height = plot.naturalHeight;
                const g = c.getContext('2d'); g.drawImage(plot, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                let h = 0; for (let k = 0; k < d.length; k += 1) { h = (Math.imul(h, 31) + d[k]) | 0; }
                hash = h;
              }
              const rows = [...document.querySelectorAll('table.micrographs tr')].filter(tr => tr.querySelector('td'));
              return {
                images: imgs.length,
                broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src')),
                rows: rows.length,
                rowImages: rows.map(tr => [...tr.querySelectorAll('img')].filter(i => i.naturalWidth > 0).length),
                text: document.body.innerText.slice(0, 300),
                updated: (document.body.innerText.match(/Updated (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)/) || [null, null])[1],
                reloads: !!document.querySelector('meta[http-equiv="refresh"]'),
                plotHash: hash
              };
            })()""";

    /** What the rendered project page shows: the runs table (done per run), the graph and the report link. */
    private static final String PROJECT_LOOK = """
            (() => {
              const done = {};
              document.querySelectorAll('tr[data-run]').forEach(tr => {
                done[tr.dataset.run] = Number(tr.querySelector('.num.done').textContent);
              });
              return { done: done, graph: !!document.querySelector('svg#graph'),
                       report: !!document.querySelector('a#report'), polls: Number(document.body.dataset.polls || 0) };
            })()""";

    private static final long T0 = System.nanoTime();

    /** Progress on stdout (in the failsafe report), to see where a slow run spent its time. */
    private static void progress(String what) {
        System.out.printf("LiveReportBrowserIT %6.1f s: %s%n", (System.nanoTime() - T0) / 1e9, what);
    }

    @Test
    void reportAndProjectPageRenderAndUpdateWhileTheStreamRuns() throws Exception {
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "no chromium on this machine ('apt-get install chromium'; .ci/run does)");
        Files.createDirectories(ARTIFACTS);
        Path userData = ScipionRuntime.freshUserData();
        Path movies = userData.resolve("microscope");
        Path staging = userData.resolve("staging");
        MonitoredProject.stage(userData, staging, 3);
        // NB: the report reloads itself every samplingInterval; 5 s leaves a loaded machine time to render it
        MonitoredProject.create(userData, "live", MonitoredProject.workflow(movies, 5, ""));
        String ctf = String.valueOf(MonitoredProject.CTFFIND);
        try (ScipionProcess server = ScipionProcess.start(userData, "server", "--port", "0")) {
            server.awaitOutput("Web: http://127.0.0.1:", TIMEOUT);
            String url = JSON.readTree(userData.resolve("runtime/server.json").toFile()).path("url").asText();
            try {
                ScipionProcess.Result scheduled = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=live");
                assertEquals(0, scheduled.exitCode(), scheduled::toString);
                try (HeadlessChromium browser = HeadlessChromium.launch(chromium)) {
                    MonitoredProject.deliver(staging, movies, 1);
                    awaitReportServed(url);
                    progress("report served");
                    HeadlessChromium.Tab report = browser.open(url + "projects/live/report/");
                    JsonNode r1 = report.await("the report shows a micrograph with its images", REPORT_LOOK,
                            v -> v.isObject() && v.path("rows").asInt() >= 1 && v.path("broken").isEmpty()
                                    && v.path("plotHash").isNumber(), TIMEOUT);
                    HeadlessChromium.Tab project = browser.open(url + "projects/live/");
                    JsonNode p1 = project.await("the runs table and graph are drawn", PROJECT_LOOK,
                            v -> v.path("done").path(ctf).asInt() >= 1 && v.path("graph").asBoolean()
                                    && v.path("report").asBoolean(), TIMEOUT);
                    Files.write(ARTIFACTS.resolve("report-1.png"), report.screenshot());
                    Files.write(ARTIFACTS.resolve("project-1.png"), project.screenshot());
                    checkRendered(r1, false);
                    assertTrue(r1.path("updated").isTextual(), "the report says when it was updated: " + r1);
                    assertTrue(r1.path("reloads").asBoolean() && r1.path("text").asText().contains("Running"),
                            "while the stream runs the report reloads itself: " + r1);
                    assertEquals(1, p1.path("done").path(ctf).asInt(), "one movie delivered so far: " + p1);
                    progress("first look");

                    // NB: the import stays open until close-stream below, so both looks are taken while streaming
                    MonitoredProject.deliver(staging, movies, 2);
                    MonitoredProject.deliver(staging, movies, 3);
                    JsonNode r2 = report.await("the open report updates itself", REPORT_LOOK,
                            v -> v.isObject() && v.path("rows").asInt() == 3 && v.path("broken").isEmpty()
                                    && v.path("plotHash").isNumber() && !v.path("plotHash").equals(r1.path("plotHash")),
                            TIMEOUT);
                    JsonNode p2 = project.await("the open project page updates itself", PROJECT_LOOK,
                            v -> v.path("done").path(ctf).asInt() == 3, TIMEOUT);
                    Files.write(ARTIFACTS.resolve("report-2.png"), report.screenshot());
                    Files.write(ARTIFACTS.resolve("project-2.png"), project.screenshot());
                    checkRendered(r2, false);
                    assertTrue(r2.path("reloads").asBoolean(), "still streaming: " + r2);
                    assertTrue(r2.path("updated").asText().compareTo(r1.path("updated").asText()) > 0,
                            "the report's update time moved on: " + r1.path("updated") + " -> " + r2.path("updated"));
                    assertTrue(p2.path("polls").asInt() > p1.path("polls").asInt(), "the project page polled the API");
                    progress("second look");

                    ScipionProcess.Result closed = ScipionProcess.run(userData, TIMEOUT, "close-stream",
                            "name=live", "run=" + MonitoredProject.IMPORT);
                    assertEquals(0, closed.exitCode(), closed::toString);
                    JsonNode r3 = report.await("the report says the project finished", REPORT_LOOK,
                            v -> v.isObject() && v.path("text").asText().contains("Finished")
                                    && v.path("broken").isEmpty(), TIMEOUT);
                    Files.write(ARTIFACTS.resolve("report-final.png"), report.screenshot());
                    checkRendered(r3, true);
                    assertFalse(r3.path("reloads").asBoolean(), "a finished report stops reloading: " + r3);
                    assertEquals(3, r3.path("rows").asInt(), "every micrograph in the table: " + r3);
                    progress("final look");

                    for (String requested : concat(report.requestedUrls(), project.requestedUrls())) {
                        assertTrue(requested.startsWith(url) || requested.startsWith("data:"),
                                "the browser only talks to the server on loopback: " + requested);
                    }
                }
            } finally {
                ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
            }
        }
    }

    /**
     * Every image decoded with a size; each micrograph row shows its thumbnail and drift plot, and its power spectrum
     * once its CTF is estimated. When {@code complete} (the final report), every row has all three and every plot is
     * there (early reports have fewer: a histogram needs values, a time series samples).
     */
    private static void checkRendered(JsonNode look, boolean complete) {
        assertTrue(!complete || look.path("images").asInt() >= 10, "plots and micrograph images: " + look);
        assertTrue(look.path("broken").isEmpty(), "images not rendered: " + look.path("broken"));
        for (JsonNode n : look.path("rowImages")) {
            assertTrue(complete ? n.asInt() == 3 : n.asInt() >= 2,
                    "thumbnail, (power spectrum) and drift plot rendered in each row: " + look);
        }
    }

    private static void awaitReportServed(String url) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "projects/live/report/"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the server never served the report: " + r.statusCode());
            Thread.sleep(300); // NB: another process; nothing to wait on but HTTP
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
