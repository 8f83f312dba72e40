package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.MonitorContext;
import org.scipionj.api.protocol.MonitorContext.Sample;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.image.process.Thumbnails;

/**
 * The report folder: {@code index.html}, {@code report.json}, PNG plots and, in {@code img/}, the latest
 * micrographs' thumbnails, power spectra and drift plots. Self-contained (no script, no external resource), so it
 * works copied to any static web server. Every file is written under a temporary name and moved into place.
 * Not thread-safe (one monitor thread).
 */
final class Report {

    /** Rows in the latest-micrographs table. */
    static final int LATEST = 8;
    private static final ObjectMapper JSON = Json.MAPPER;
    private final Path dir;
    private final Map<String, Integer> drawn = new HashMap<>();

    Report(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Whether the plots of {@code group} must be drawn: new points since last time, or a file is missing. */
    private boolean redraw(String group, int points, List<String> files) {
        boolean missing = files.stream().anyMatch(f -> !Files.exists(dir.resolve(f)));
        Integer before = drawn.put(group, points);
        return missing || before == null || before != points;
    }

    Map<String, Object> ctf(List<SetFollower.Point> points) throws IOException {
        List<SetFollower.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(SetFollower.Point::id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", sorted.size());
        double[] x = sorted.stream().mapToDouble(SetFollower.Point::id).toArray();
        double[] u = column(sorted, "defocusU");
        double[] v = column(sorted, "defocusV");
        double[] res = column(sorted, "resolution");
        double[] ast = column(sorted, "astigmatism");
        m.put("defocusU_A", Stats.of(u));
        m.put("resolution_A", Stats.of(res));
        m.put("astigmatism_A", Stats.of(ast));
        List<String> files = List.of("ctf_defocus.png", "ctf_resolution.png", "ctf_astigmatism.png",
                "hist_defocus.png", "hist_resolution.png", "hist_astigmatism.png");
        m.put("plots", files);
        if (!redraw("ctf", sorted.size(), files)) {
            return m;
        }
        Map<String, Charts.Line> def = new LinkedHashMap<>();
        def.put("defocus U", new Charts.Line(x, u));
        def.put("defocus V", new Charts.Line(x, v));
        Charts.lines(dir.resolve("ctf_defocus.png"), "Defocus", "micrograph", "Å", def, true);
        Charts.lines(dir.resolve("ctf_resolution.png"), "CTF fit resolution", "micrograph", "Å",
                Map.of("resolution", new Charts.Line(x, res)), true);
        Charts.lines(dir.resolve("ctf_astigmatism.png"), "Astigmatism |U - V|", "micrograph", "Å",
                Map.of("astigmatism", new Charts.Line(x, ast)), true);
        Charts.histogram(dir.resolve("hist_defocus.png"), "Defocus U", "defocus (Å)", u, 20);
        Charts.histogram(dir.resolve("hist_resolution.png"), "Resolution", "resolution (Å)", res, 20);
        Charts.histogram(dir.resolve("hist_astigmatism.png"), "Astigmatism", "astigmatism (Å)", ast, 20);
        return m;
    }

    Map<String, Object> drift(List<SetFollower.Point> points) throws IOException {
        List<SetFollower.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(SetFollower.Point::id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", sorted.size());
        double[] x = sorted.stream().mapToDouble(SetFollower.Point::id).toArray();
        double[] total = column(sorted, "total");
        double[] early = column(sorted, "early");
        m.put("total_A", Stats.of(total));
        m.put("early_A", Stats.of(early));
        m.put("plots", List.of("drift.png", "hist_drift.png"));
        if (!redraw("drift", sorted.size(), List.of("drift.png", "hist_drift.png"))) {
            return m;
        }
        Map<String, Charts.Line> lines = new LinkedHashMap<>();
        lines.put("total drift", new Charts.Line(x, total));
        lines.put("early drift (first " + Drift.EARLY_FRAMES + " frames)", new Charts.Line(x, early));
        Charts.lines(dir.resolve("drift.png"), "Drift per movie", "movie", "Å", lines, true);
        Charts.histogram(dir.resolve("hist_drift.png"), "Total drift", "drift (Å)", total, 20);
        return m;
    }

    Map<String, Object> gain(List<SetFollower.Point> points) throws IOException {
        List<SetFollower.Point> sorted = new ArrayList<>(points);
        sorted.removeIf(pt -> pt.values().isEmpty());
        sorted.sort(Comparator.comparingLong(SetFollower.Point::id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", sorted.size());
        double[] x = sorted.stream().mapToDouble(SetFollower.Point::id).toArray();
        m.put("std", Stats.of(column(sorted, "std")));
        m.put("ratio1", Stats.of(column(sorted, "ratio1")));
        m.put("ratio2", Stats.of(column(sorted, "ratio2")));
        m.put("plots", List.of("gain_std.png", "gain_ratios.png"));
        if (!redraw("gain", sorted.size(), List.of("gain_std.png", "gain_ratios.png"))) {
            return m;
        }
        Charts.lines(dir.resolve("gain_std.png"), "Residual gain standard deviation", "movie", "std",
                Map.of("std", new Charts.Line(x, column(sorted, "std"))), true);
        Map<String, Charts.Line> ratios = new LinkedHashMap<>();
        ratios.put("97.5/2.5 percentiles", new Charts.Line(x, column(sorted, "ratio1")));
        ratios.put("max/min", new Charts.Line(x, column(sorted, "ratio2")));
        Charts.lines(dir.resolve("gain_ratios.png"), "Residual gain ratios", "movie", "ratio", ratios, true);
        return m;
    }

    Map<String, Object> system(List<Sample> series) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", series.size());
        Set<String> keys = new java.util.TreeSet<>();
        series.forEach(s -> keys.addAll(s.values().keySet()));
        if (!series.isEmpty()) {
            m.put("latest", series.get(series.size() - 1).values());
        }
        List<String> plots = new ArrayList<>();
        plot(series, keys, List.of("cpu", "mem", "swap"), "system_usage.png", "CPU, memory, swap", "%", plots);
        plot(series, keys, List.of("diskRead_MBps", "diskWrite_MBps"), "system_disk.png", "Disk I/O", "MB/s", plots);
        plot(series, keys, List.of("netRx_MBps", "netTx_MBps"), "system_network.png", "Network", "MB/s", plots);
        List<String> gpu = keys.stream().filter(k -> k.startsWith("gpu")).toList();
        plot(series, keys, gpu, "system_gpu.png", "GPUs (use %, memory %, temperature °C)", "", plots);
        m.put("plots", plots);
        return m;
    }

    private void plot(List<Sample> series, Set<String> keys, List<String> wanted, String file, String title,
                      String unit, List<String> plots) throws IOException {
        Map<String, Charts.Line> lines = new LinkedHashMap<>();
        for (String k : wanted) {
            if (!keys.contains(k)) {
                continue;
            }
            double[] x = new double[series.size()];
            double[] y = new double[series.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = series.get(i).timeMillis();
                Double d = series.get(i).values().get(k);
                y[i] = d == null ? Double.NaN : d;
            }
            lines.put(k, new Charts.Line(x, y));
        }
        if (!lines.isEmpty()) {
            Charts.timeLines(dir.resolve(file), title, unit, lines);
            plots.add(file);
        }
    }

    /** The latest micrographs of the motion-correction sets, with their images copied or drawn into img/. */
    List<Map<String, Object>> micrographs(MonitorContext ctx, List<String> micSets, List<String> ctfSets)
            throws IOException {
        Path img = dir.resolve("img");
        Files.createDirectories(img);
        List<Micrograph> latest = new ArrayList<>();
        for (String name : micSets) {
            Optional<StreamingSet<?>> set = ctx.set(name);
            if (set.isPresent()) {
                long size = set.get().size();
                for (Entry<?> e : set.get().read(Math.max(0, size - LATEST), LATEST)) {
                    if (e.item() instanceof Micrograph m) {
                        latest.add(m);
                    }
                }
            }
        }
        latest.sort(Comparator.comparingLong(Micrograph::id).reversed());
        if (latest.size() > LATEST) {
            latest = latest.subList(0, LATEST);
        }
        Map<Long, CtfModel> ctfs = new HashMap<>();
        for (String name : ctfSets) {
            Optional<StreamingSet<?>> set = ctx.set(name);
            if (set.isPresent()) {
                long size = set.get().size();
                for (Entry<?> e : set.get().read(Math.max(0, size - 4L * LATEST), 4 * LATEST)) {
                    if (e.item() instanceof CtfModel c) {
                        ctfs.put(c.id(), c);
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> keep = new HashSet<>();
        for (Micrograph m : latest) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("file", Path.of(m.file()).getFileName().toString());
            Drift d = Drift.of(m, Drift.EARLY_FRAMES);
            row.put("totalDrift_A", d.known() ? Forecasts.round(d.total_A()) : null);
            row.put("earlyDrift_A", Double.isNaN(d.early_A()) ? null : Forecasts.round(d.early_A()));
            CtfModel c = ctfs.get(m.id());
            if (c != null) {
                row.put("defocusU_A", Math.round(c.defocusU_A()));
                row.put("defocusV_A", Math.round(c.defocusV_A()));
                row.put("resolution_A", Forecasts.round(c.resolution_A()));
            }
            row.put("thumbnail", image(img, "mic_" + m.id() + ".png", attr(m, "thumbnail", "thumbnailFile"),
                    m.file(), false, keep));
            row.put("psd", c == null ? null : image(img, "psd_" + m.id() + ".png", c.psdFile(), null, true, keep));
            String plot = "drift_" + m.id() + ".png";
            String given = attr(m, "driftPlot", "plotGlobal");
            if (given != null) {
                row.put("driftPlot", image(img, plot, given, null, false, keep));
            } else if (d.xs_A().length > 1) {
                if (!Files.exists(img.resolve(plot))) {
                    Charts.trajectory(img.resolve(plot), m.id(), d.xs_A(), d.ys_A());
                }
                keep.add(plot);
                row.put("driftPlot", "img/" + plot);
            }
            rows.add(row);
        }
        try (Stream<Path> old = Files.list(img)) {
            for (Path f : old.toList()) {
                if (!keep.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return rows;
    }

    private static String attr(Micrograph m, String... names) {
        for (String n : names) {
            if (m.attributes().get(n) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    /**
     * Copies a PNG the plugin wrote into img/{@code name}, or draws one from an MRC image; once per name.
     *
     * @return the path relative to the report, or null when there is no image
     */
    private static String image(Path img, String name, String png, String mrc, boolean spectrum, Set<String> keep) {
        Path target = img.resolve(name);
        try {
            if (!Files.exists(target)) {
                String source = png != null ? png : mrc;
                if (source == null || !Files.isRegularFile(Path.of(source))) {
                    return null;
                }
                Path tmp = img.resolve("." + name + ".tmp");
                if (source.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                    Files.copy(Path.of(source), tmp, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Thumbnails.Options o = new Thumbnails.Options(256, spectrum ? 2 : 0.5, spectrum ? 99.8 : 99.5);
                    Thumbnails.writePng(MovieReaders.readImage(Path.of(source)), tmp, o);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            keep.add(name);
            return "img/" + name;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes report.json and index.html. */
    void write(Map<String, Object> model, List<String> plots, boolean last, long refreshSeconds) throws IOException {
        Files.createDirectories(dir);
        atomic(dir.resolve("report.json"), JSON.writeValueAsString(model));
        atomic(dir.resolve("index.html"), ReportHtml.page(model, last, refreshSeconds));
    }

    private static void atomic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double[] column(List<SetFollower.Point> points, String key) {
        return points.stream().mapToDouble(pt -> pt.get(key)).toArray();
    }
}
