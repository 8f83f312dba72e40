package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    @Test
    void pageIsWellFormedAndEscapesWhatItShows() throws Exception {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("project", Map.of("name", "<script>alert(1)</script>", "updated", 0L, "started", 0L,
                "monitorRun", 6));
        model.put("acquisition", Map.of("filesPath", "/data/a&b", "movies", 3));
        model.put("alerts", List.of(new Alert("k", "CPU \"hot\" > 90 %", 0, 0)));
        Path report = dir.resolve("report");
        new Report(report).write(model, List.of(), false, 30);
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(!html.contains("<script>"));
        assertTrue(html.contains("/data/a&amp;b"));
        assertEquals(1, MonitorEndToEndTest.meta(MonitorEndToEndTest.parse(report.resolve("index.html"))));
        assertTrue(Files.readString(report.resolve("report.json")).contains("\"movies\" : 3"));
    }

    @Test
    void chartsArePngs() throws Exception {
        Path png = dir.resolve("a.png");
        Charts.lines(png, "t", "x", "y", Map.of("s", new Charts.Line(new double[] {1, 2, 3},
                new double[] {1, Double.NaN, 2})), true);
        MonitorEndToEndTest.assertPng(png);
        Charts.histogram(dir.resolve("h.png"), "h", "v", new double[] {}, 10);
        MonitorEndToEndTest.assertPng(dir.resolve("h.png"));
        Charts.timeLines(dir.resolve("t.png"), "t", "%", Map.of("cpu", new Charts.Line(new double[] {0, 60000},
                new double[] {10, 20})));
        MonitorEndToEndTest.assertPng(dir.resolve("t.png"));
        assertTrue(Files.list(dir).noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
}
