package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.Entry;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A streaming project: import → motion correction → CTF → curation, watched by ProtMonitorSummary with alerts
 * by e-mail (loopback SMTP) and webhook (loopback HTTP) and a publishCmd; checks the report folder at the end.
 */
class MonitorEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void streamingProjectGivesACompleteReport() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path published = Files.createDirectories(dir.resolve("published"));
        for (int i = 1; i <= 3; i++) {
            FakeStages.movie(data.resolve("movie_" + i + ".mrc"), 6, i);
        }
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import");
        registry.add(new FakeStages.Align(), "test");
        registry.add(new FakeStages.Ctf(), "test");
        registry.add(new ProtCurateMicrographs(), "monitor");
        registry.add(new ProtMonitorSummary(), "monitor");
        DefaultProjectService projects = new DefaultProjectService(dir.resolve("userdata"), registry, 2);
        try (TinySmtpServer smtp = new TinySmtpServer(); TinyWebhook hook = new TinyWebhook()) {
            String workflow = """
                    [{"object.className": "ProtImportMovies", "object.id": "2", "object.label": "Import movies",
                      "filesPath": "%s", "filesPattern": "movie_*.mrc", "dataStreaming": true,
                      "fileTimeout": 0, "timeout": 4, "samplingRate": 1.0, "dosePerFrame": 1.0},
                     {"object.className": "FakeMotionCorr", "object.id": "3", "object.label": "Align",
                      "inputMovies": "2.outputMovies"},
                     {"object.className": "FakeCtffind", "object.id": "4", "object.label": "CTF",
                      "inputMicrographs": "3.outputMicrographsDoseWeighted"},
                     {"object.className": "ProtCurateMicrographs", "object.id": "5", "object.label": "Curate",
                      "inputMicrographs": "3.outputMicrographsDoseWeighted", "inputCTF": "4.outputCTF",
                      "maxResolution": 8.0, "maxDrift": 45.0},
                     {"object.className": "ProtMonitorSummary", "object.id": "6", "object.label": "Summary Monitor",
                      "object.comment": "", "runName": null, "runMode": 0,
                      "inputProtocols": ["2", "3", "4", "5"], "samplingInterval": 1, "monitorTime": 30000.0,
                      "stddevValue": 0.04, "ratio1Value": 1.15, "ratio2Value": 4.5, "maxDefocus": 40000.0,
                      "minDefocus": 1000.0, "astigmatism": 1000.0, "cpuAlert": 101.0, "memAlert": 0.0,
                      "swapAlert": 101.0, "doGpu": true, "gpusToUse": "0", "doNetwork": true, "netInterfaces": 1,
                      "doDiskIO": true, "doMail": true, "emailFrom": "scipion@localhost", "emailTo": "staff@localhost",
                      "smtp": "127.0.0.1:%d", "webhookUrl": "%s", "movieStep": 1, "doInflux": false,
                      "publishCmd": "cp %%(REPORT_FOLDER)s/index.html %s/index-$(date +%%s%%N).html"}]"""
                    .formatted(data, smtp.port(), hook.url(), published);
            try (Project p = projects.create("e2e", workflow, "test")) {
                p.schedule();
                Session s = p.start();
                Thread.sleep(2500);
                for (int i = 4; i <= 6; i++) {
                    FakeStages.movie(data.resolve("movie_" + i + ".mrc"), 6, i);
                }
                assertTrue(s.awaitEnd(Duration.ofSeconds(90)), "project ended");
                for (RunInfo r : p.runs()) {
                    assertEquals(RunStatus.FINISHED, r.status(), r.id() + " " + r.label() + ": " + r.error());
                }
                Path report = p.dir().resolve("Runs").toFile().listFiles((d, n) -> n.startsWith("000006"))[0]
                        .toPath().resolve("extra/report");
                copy(report, Path.of("target/e2e-report")); // NB: kept as a test artifact to look at
                checkReport(p, report);
                checkPublished(published);
                assertEquals(1, smtp.mails.size(), "one e-mail for the one incident (memory above 0 %)");
                assertTrue(smtp.mails.get(0).data().contains("memory use"), smtp.mails.get(0).data());
                assertEquals(List.of("staff@localhost"), smtp.mails.get(0).to());
                assertEquals(1, hook.bodies.size(), "one webhook post");
                JsonNode body = new ObjectMapper().readTree(hook.bodies.get(0));
                assertEquals("e2e", body.path("project").asText());
                assertEquals("system.mem", body.path("key").asText());
            }
        }
    }

    private static void checkReport(Project p, Path report) throws Exception {
        String jsonText = Files.readString(report.resolve("report.json"));
        assertFalse(jsonText.contains("NaN") || jsonText.contains("Infinity"), "strict JSON for browsers");
        JsonNode json = new ObjectMapper().readTree(jsonText);
        assertTrue(json.path("project").path("finished").asBoolean());
        assertEquals(6, p.set("2.outputMovies").orElseThrow().size());
        assertEquals(p.set("4.outputCTF").orElseThrow().size(), json.path("ctf").path("count").asLong());
        assertEquals(p.set("3.outputMicrographsDoseWeighted").orElseThrow().size(), json.path("drift").path("count").asLong(),
                "one of motioncorr's two micrograph sets");
        assertEquals(60.0, json.path("drift").path("total_A").path("max").asDouble());
        assertEquals(6, json.path("gain").path("count").asInt(), "the import's movies only, not the aligned ones");
        assertEquals(6, json.path("acquisition").path("movies").asLong());
        for (JsonNode r : json.path("runs")) {
            RunInfo run = p.run(r.path("id").asLong()).orElseThrow();
            assertEquals(run.done(), r.path("done").asLong(), "done of run " + run.id());
            assertEquals(0, r.path("backlog").asLong());
        }
        JsonNode cur = json.path("curation").get(0);
        long accepted = p.set("5.outputMicrographs").orElseThrow().size();
        long rejected = p.set("5.outputMicrographsRejected").orElseThrow().size();
        assertEquals(accepted, cur.path("accepted").asLong());
        assertEquals(rejected, cur.path("rejected").asLong());
        // movie 5: CTF resolution 12 Å > 8 Å; movies 5, 6: drift 10*N Å > 45 Å
        assertEquals(4, accepted);
        assertEquals(2, rejected);
        assertEquals(1, cur.path("reasons").path("resolution").asInt());
        assertEquals(2, cur.path("reasons").path("drift").asInt());
        for (Entry<?> e : p.set("5.outputMicrographsRejected").orElseThrow().read(0, 10)) {
            assertTrue(e.item().attributes().get("rejectReason").toString().contains("drift"));
        }
        assertEquals(Report.LATEST > 6 ? 6 : Report.LATEST, json.path("micrographs").size());
        assertTrue(json.path("forecast").path("stages").size() >= 3);
        assertEquals(1, json.path("alerts").size());

        Document html = parse(report.resolve("index.html"));
        assertEquals(0, meta(html), "the final page does not refresh itself");
        NodeList imgs = html.getElementsByTagName("img");
        List<String> srcs = new ArrayList<>();
        for (int i = 0; i < imgs.getLength(); i++) {
            srcs.add(((Element) imgs.item(i)).getAttribute("src"));
        }
        for (String needed : List.of("ctf_defocus.png", "ctf_resolution.png", "ctf_astigmatism.png",
                "hist_defocus.png", "drift.png", "gain_std.png", "system_usage.png", "img/mic_6.png",
                "img/psd_6.png", "img/drift_6.png")) {
            assertTrue(srcs.contains(needed), needed + " in " + srcs);
        }
        for (String src : srcs) {
            assertTrue(src.endsWith(".png") && !src.contains("://"), "local PNG: " + src);
            assertPng(report.resolve(src));
        }
        assertFalse(Files.readString(report.resolve("index.html")).contains("http://"), "no external resource");
    }

    private static void checkPublished(Path published) throws Exception {
        List<Path> copies;
        try (Stream<Path> s = Files.list(published)) {
            copies = s.sorted().toList();
        }
        assertTrue(copies.size() >= 2, "publishCmd ran after each refresh: " + copies);
        int refreshing = 0;
        for (Path c : copies) {
            refreshing += meta(parse(c));
        }
        assertTrue(refreshing >= 1, "pages published while running refresh themselves");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static Document parse(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(html.toFile());
    }

    static int meta(Document html) {
        NodeList metas = html.getElementsByTagName("meta");
        int n = 0;
        for (int i = 0; i < metas.getLength(); i++) {
            if ("refresh".equals(((Element) metas.item(i)).getAttribute("http-equiv"))) {
                n++;
            }
        }
        return n;
    }

    static void assertPng(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(8);
            assertEquals(Map.of(0, (byte) 0x89, 1, (byte) 'P', 2, (byte) 'N', 3, (byte) 'G'),
                    Map.of(0, magic[0], 1, magic[1], 2, magic[2], 3, magic[3]), file + " is a PNG");
        }
    }
}
