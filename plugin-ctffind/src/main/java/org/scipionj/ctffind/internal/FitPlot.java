package org.scipionj.ctffind.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scipionj.image.process.Percentiles;

/**
 * The 1D fit plot (PNG, JFreeChart): the equiphase average of the spectrum (scaled to the model's range), the fitted
 * {@code sin² χ}, the per-shell correlation with its {@value FitResolution#THRESHOLD} threshold, and a marker at
 * the fit resolution, against spatial frequency. Needs a headless AWT ({@code java.awt.headless=true}). Stateless.
 */
final class FitPlot {

    private FitPlot() {
    }

    static void writePng(Path file, FitDiagnostics d, String title) throws IOException {
        int from = Math.max(1, d.firstBin());
        int to = d.frequency().length - 1;
        while (to > from && d.equiphaseAverage()[to] == 0) {
            to--;
        }
        float[] band = new float[to - from + 1];
        for (int i = from; i <= to; i++) {
            band[i - from] = (float) d.equiphaseAverage()[i];
        }
        double[] range = Percentiles.of(band, 2, 98);
        double lo = range[0];
        double span = range[1] > range[0] ? range[1] - range[0] : 1;
        XYSeries data = new XYSeries("Spectrum (equiphase average)");
        XYSeries fit = new XYSeries("CTF fit (sin² χ)");
        XYSeries cc = new XYSeries("Fit correlation");
        for (int i = from; i <= to; i++) {
            double k = d.frequency()[i];
            data.add(k, (d.equiphaseAverage()[i] - lo) / span);
            fit.add(k, d.ctfFit()[i]);
            cc.add(k, d.crossCorrelation()[i]);
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(data);
        series.addSeries(fit);
        series.addSeries(cc);
        NumberAxis x = new NumberAxis("Spatial frequency (1/Å)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("");
        y.setRange(-0.3, 1.3);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesPaint(2, new Color(0x2ca02c));
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.2f));
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker threshold = new ValueMarker(FitResolution.THRESHOLD, Color.GRAY, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        plot.addRangeMarker(threshold);
        ValueMarker resolution = new ValueMarker(1 / d.resolution_A(), Color.BLACK, new BasicStroke(1.5f));
        resolution.setLabel(String.format(Locale.ROOT, "fit to %.2f Å", d.resolution_A()));
        resolution.setLabelPaint(Color.BLACK);
        plot.addDomainMarker(resolution);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 450);
    }
}
