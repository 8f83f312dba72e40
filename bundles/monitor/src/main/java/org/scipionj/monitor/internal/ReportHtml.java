package org.scipionj.monitor.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report page, from the same model as report.json: plain XHTML-compatible HTML5 with inline CSS, no script and
 * no external resource. While the project runs it reloads itself ({@code <meta http-equiv="refresh">}) every
 * sampling interval; the final page does not. Stateless.
 */
final class ReportHtml {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String CSS = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left;vertical-align:top}th{background:#eee}.warn{color:#a00;font-weight:bold}"
            + ".ok{color:#070}.plots img{margin:4px;border:1px solid #ddd}h2{border-bottom:1px solid #ccc}"
            + "td img{max-width:160px}";

    private ReportHtml() {
    }

    static String page(Map<String, Object> model, boolean last, long refreshSeconds) {
        JsonNode m = JSON.valueToTree(model);
        JsonNode project = m.path("project");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        if (!last) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\" />\n");
        }
        h.append("<title>").append(esc("Scipion-J report: " + project.path("name").asText())).append("</title>\n");
        h.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(project.path("name").asText())).append("</h1>\n<p>");
        h.append(last ? "<span class=\"ok\">Finished</span> (" + esc(project.path("finishedBecause").asText()) + ")"
                : "Running; this page refreshes every " + refreshSeconds + " s");
        h.append(". Updated ").append(time(project.path("updated"))).append(", monitoring since ")
                .append(time(project.path("started"))).append(". Data: <a href=\"report.json\">report.json</a>.</p>\n");

        section(h, "Acquisition");
        table(h, m.path("acquisition"));
        alerts(h, m.path("alerts"));
        if (m.has("runs")) {
            runs(h, m.path("runs"));
            forecast(h, m.path("forecast"));
            curation(h, m.path("curation"));
        }
        if (m.has("micrographs")) {
            micrographs(h, m.path("micrographs"));
        }
        if (m.has("ctf")) {
            section(h, "CTF (" + m.path("ctf").path("count").asInt() + " micrographs)");
            stats(h, m.path("ctf"), "defocusU_A", "resolution_A", "astigmatism_A");
            plots(h, m.path("ctf").path("plots"));
        }
        if (m.has("drift")) {
            section(h, "Drift (" + m.path("drift").path("count").asInt() + " movies)");
            stats(h, m.path("drift"), "total_A", "early_A");
            plots(h, m.path("drift").path("plots"));
        }
        if (m.has("gain")) {
            section(h, "Residual gain (" + m.path("gain").path("count").asInt() + " movies analysed)");
            stats(h, m.path("gain"), "std", "ratio1", "ratio2");
            plots(h, m.path("gain").path("plots"));
        }
        if (m.has("system")) {
            section(h, "System");
            if (m.path("system").has("gpuProblem")) {
                h.append("<p>").append(esc(m.path("system").path("gpuProblem").asText())).append("</p>\n");
            }
            table(h, m.path("system").path("latest"));
            plots(h, m.path("system").path("plots"));
        }
        h.append("<p><small>Scipion-J monitor, run ").append(project.path("monitorRun").asText())
                .append(".</small></p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, String title) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
    }

    private static void table(StringBuilder h, JsonNode obj) {
        if (!obj.isObject() || obj.isEmpty()) {
            h.append("<p>Nothing yet.</p>\n");
            return;
        }
        h.append("<table>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(value(e.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void alerts(StringBuilder h, JsonNode alerts) {
        section(h, "Alerts");
        if (!alerts.isArray() || alerts.isEmpty()) {
            h.append("<p class=\"ok\">No alert.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>since</th><th>until</th><th>incident</th></tr>\n");
        for (int i = alerts.size() - 1; i >= 0; i--) {
            JsonNode a = alerts.get(i);
            boolean open = a.path("closedMillis").asLong() == 0;
            h.append("<tr><td>").append(time(a.path("openedMillis"))).append("</td><td>")
                    .append(open ? "<span class=\"warn\">open</span>" : time(a.path("closedMillis")))
                    .append("</td><td").append(open ? " class=\"warn\"" : "").append(">")
                    .append(esc(a.path("message").asText())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void runs(StringBuilder h, JsonNode runs) {
        section(h, "Runs");
        h.append("<table>\n<tr><th>run</th><th>protocol</th><th>status</th><th>done</th><th>failed</th>"
                + "<th>backlog</th><th>rate (items/min)</th><th>trend</th><th>outputs</th></tr>\n");
        for (JsonNode r : runs) {
            h.append("<tr><td>").append(r.path("id").asLong()).append(" ").append(esc(r.path("label").asText()))
                    .append("</td><td>").append(esc(r.path("className").asText())).append("</td><td>")
                    .append(esc(r.path("status").asText())).append("</td><td>").append(r.path("done").asLong())
                    .append("</td><td>").append(r.path("failed").asLong()).append("</td><td")
                    .append(r.path("behind").asBoolean() ? " class=\"warn\"" : "").append(">")
                    .append(r.path("source").asBoolean() ? "" : String.valueOf(r.path("backlog").asLong()))
                    .append("</td><td>").append(number(r.path("ratePerMin"))).append("</td><td>")
                    .append(trend(r)).append("</td><td>").append(value(r.path("outputs"))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String trend(JsonNode r) {
        double now = r.path("ratePerMin").asDouble(Double.NaN);
        double before = r.path("previousRatePerMin").asDouble(Double.NaN);
        if (!r.path("ratePerMin").isNumber() || !r.path("previousRatePerMin").isNumber()) {
            return "";
        }
        double d = now - before;
        return Math.abs(d) <= 0.1 * Math.max(now, before) ? "steady" : d > 0 ? "&#8599; up" : "&#8600; down";
    }

    private static void forecast(StringBuilder h, JsonNode f) {
        section(h, "Keep-up forecast");
        h.append("<p>Acquisition: ").append(number(f.path("acquisitionRatePerMin"))).append(" movies/min, ")
                .append(f.path("acquiring").asBoolean() ? "still acquiring" : "stopped").append(".</p>\n");
        for (JsonNode w : f.path("warnings")) {
            h.append("<p class=\"warn\">").append(esc(w.asText())).append("</p>\n");
        }
        h.append("<table>\n<tr><th>stage</th><th>rate (items/min)</th><th>backlog</th><th>queued up to it</th>"
                + "<th>keeps up</th><th>minutes to finish after acquisition stops</th><th>expected finish</th></tr>\n");
        for (JsonNode s : f.path("stages")) {
            h.append("<tr><td>").append(s.path("run").asLong()).append(" ").append(esc(s.path("label").asText()))
                    .append("</td><td>").append(number(s.path("ratePerMin"))).append("</td><td>")
                    .append(s.path("backlog").asLong()).append("</td><td>").append(s.path("pending").asLong())
                    .append("</td><td>").append(s.path("keepsUp").asBoolean() ? "<span class=\"ok\">yes</span>"
                            : "<span class=\"warn\">no</span>").append("</td><td>")
                    .append(s.has("finished") ? esc(s.path("finished").asText()) : number(s.path("drainMinutes")))
                    .append("</td><td>").append(s.path("expectedFinish").isNumber()
                            ? time(s.path("expectedFinish")) + (s.path("expectedFinishAfterAcquisition").asBoolean()
                            ? " (if acquisition stopped now)" : "") : "").append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void curation(StringBuilder h, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return;
        }
        section(h, "Curation");
        h.append("<table>\n<tr><th>run</th><th>accepted</th><th>rejected</th><th>accepted %</th>"
                + "<th>rejection reasons</th></tr>\n");
        for (JsonNode c : list) {
            h.append("<tr><td>").append(c.path("run").asLong()).append(" ").append(esc(c.path("label").asText()))
                    .append("</td><td>").append(c.path("accepted").asLong()).append("</td><td>")
                    .append(c.path("rejected").asLong()).append("</td><td>").append(number(c.path("acceptedPercent")))
                    .append("</td><td>").append(value(c.path("reasons"))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void micrographs(StringBuilder h, JsonNode rows) {
        section(h, "Latest micrographs");
        if (rows.isEmpty()) {
            h.append("<p>None yet.</p>\n");
            return;
        }
        h.append("<table class=\"micrographs\">\n<tr><th>#</th><th>micrograph</th><th>power spectrum</th>"
                + "<th>drift</th><th>values</th></tr>\n");
        for (JsonNode r : rows) {
            h.append("<tr><td>").append(r.path("id").asLong()).append("<br />").append(esc(r.path("file").asText()))
                    .append("</td><td>").append(img(r.path("thumbnail"), "micrograph")).append("</td><td>")
                    .append(img(r.path("psd"), "power spectrum")).append("</td><td>")
                    .append(img(r.path("driftPlot"), "drift")).append("</td><td>");
            for (String k : new String[] {"defocusU_A", "defocusV_A", "resolution_A", "totalDrift_A",
                    "earlyDrift_A"}) {
                if (r.path(k).isNumber()) {
                    h.append(esc(k)).append(": ").append(number(r.path(k))).append("<br />");
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String img(JsonNode src, String alt) {
        return src.isTextual() ? "<img src=\"" + esc(src.asText()) + "\" alt=\"" + alt + "\" />" : "";
    }

    private static void stats(StringBuilder h, JsonNode section, String... keys) {
        h.append("<table>\n<tr><th></th><th>n</th><th>mean</th><th>median</th><th>min</th><th>max</th></tr>\n");
        for (String k : keys) {
            JsonNode s = section.path(k);
            h.append("<tr><th>").append(esc(k)).append("</th><td>").append(s.path("n").asInt()).append("</td><td>")
                    .append(number(s.path("mean"))).append("</td><td>").append(number(s.path("median")))
                    .append("</td><td>").append(number(s.path("min"))).append("</td><td>")
                    .append(number(s.path("max"))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void plots(StringBuilder h, JsonNode plots) {
        h.append("<div class=\"plots\">\n");
        for (JsonNode p : plots) {
            h.append("<img src=\"").append(esc(p.asText())).append("\" alt=\"").append(esc(p.asText()))
                    .append("\" />\n");
        }
        h.append("</div>\n");
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isNumber()) {
            return number(v);
        }
        if (v.isObject()) {
            StringBuilder s = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                s.append(esc(e.getKey())).append(": ").append(value(e.getValue())).append(it.hasNext() ? "<br />" : "");
            }
            return s.toString();
        }
        return esc(v.asText());
    }

    private static String number(JsonNode v) {
        if (!v.isNumber()) {
            return "";
        }
        double d = v.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format("%.2f", d);
    }

    private static String time(JsonNode millis) {
        return millis.isNumber() ? TIME.format(Instant.ofEpochMilli(millis.asLong())) : "";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
