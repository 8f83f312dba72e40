package org.scipionj.monitor.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots drawn with JFreeChart (headless). Each file is written to a temporary name and moved into place, so a
 * reader of the report never sees half a PNG. Stateless; thread-safe.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;

    private Charts() {
    }

    /** x/y values of one line. */
    record Line(double[] x, double[] y) {
    }

    /** Lines against a numeric x axis (micrograph number, frame). */
    static void lines(Path png, String title, String xLabel, String yLabel, Map<String, Line> lines, boolean points)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        lines.forEach((name, line) -> {
            XYSeries s = new XYSeries(name, false, true);
            for (int i = 0; i < line.x().length; i++) {
                if (!Double.isNaN(line.y()[i])) {
                    s.add(line.x()[i], line.y()[i]);
                }
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                lines.size() > 1, false, false);
        style(chart, points);
        save(chart, png, WIDTH, HEIGHT);
    }

    /** Lines against wall-clock time (x in epoch milliseconds). */
    static void timeLines(Path png, String title, String yLabel, Map<String, Line> lines) throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        lines.forEach((name, line) -> {
            TimeSeries s = new TimeSeries(name);
            for (int i = 0; i < line.x().length; i++) {
                if (!Double.isNaN(line.y()[i])) {
                    s.addOrUpdate(new FixedMillisecond(new Date((long) line.x()[i])), line.y()[i]);
                }
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time", yLabel, data, lines.size() > 1, false,
                false);
        style(chart, false);
        save(chart, png, WIDTH, HEIGHT);
    }

    /** A histogram of {@code values} (NaN left out). */
    static void histogram(Path png, String title, String xLabel, double[] values, int bins) throws IOException {
        double[] v = java.util.Arrays.stream(values).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)).toArray();
        HistogramDataset data = new HistogramDataset();
        if (v.length > 0) {
            double min = java.util.Arrays.stream(v).min().getAsDouble();
            double max = java.util.Arrays.stream(v).max().getAsDouble();
            if (max <= min) {
                max = min + 1;
            }
            data.addSeries(xLabel, v, bins, min, max);
        }
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "micrographs", data, PlotOrientation.VERTICAL,
                false, false, false);
        style(chart, false);
        save(chart, png, WIDTH / 2, HEIGHT);
    }

    /** The drift trajectory of one movie (cumulative shifts in Å, frame by frame). */
    static void trajectory(Path png, long id, double[] xs, double[] ys) throws IOException {
        Map<String, Line> one = new LinkedHashMap<>();
        one.put("drift", new Line(xs, ys));
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries s = new XYSeries("drift", false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], ys[i]);
        }
        data.addSeries(s);
        JFreeChart chart = ChartFactory.createXYLineChart("Drift of movie " + id, "x (Å)", "y (Å)", data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart, true);
        save(chart, png, 240, 240);
    }

    private static void style(JFreeChart chart, boolean points) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer r) {
            r.setDefaultShapesVisible(points);
            for (int i = 0; i < plot.getSeriesCount(); i++) {
                r.setSeriesStroke(i, new BasicStroke(1.5f));
            }
        }
    }

    private static void save(JFreeChart chart, Path png, int w, int h) throws IOException {
        Files.createDirectories(png.getParent());
        Path tmp = png.resolveSibling("." + png.getFileName() + ".tmp");
        ChartUtils.saveChartAsPNG(tmp.toFile(), chart, w, h);
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
