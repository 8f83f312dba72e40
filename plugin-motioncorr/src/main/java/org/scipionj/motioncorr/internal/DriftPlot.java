package org.scipionj.motioncorr.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The drift trace of a movie as a PNG (Scipion's {@code plotGlobal}): the global shift of each frame, in pixels,
 * joined in frame order, the first frame marked in red and every few frames labelled with its number. Rendered
 * headless with JFreeChart (embedded in this bundle). Stateless, thread-safe.
 */
final class DriftPlot {

    static final int WIDTH = 600;
    static final int HEIGHT = 450;

    private DriftPlot() {
    }

    /**
     * @param shifts {x, y} per aligned frame, pixels
     * @param firstFrame 1-based number of the first aligned frame
     */
    static void write(Path file, double[][] shifts, int firstFrame, double pixelSize, String title)
            throws IOException {
        XYSeries trace = new XYSeries("shift", false);
        XYSeries first = new XYSeries("first frame", false);
        for (double[] s : shifts) {
            trace.add(s[0], s[1]);
        }
        first.add(shifts[0][0], shifts[0][1]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trace);
        data.addSeries(first);
        NumberAxis x = new NumberAxis("Shift x (px)");
        NumberAxis y = new NumberAxis("Shift y (px)");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, Color.RED);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int every = Math.max(1, (int) Math.ceil(shifts.length / 10.0));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        for (int i = 0; i < shifts.length; i += every) {
            XYTextAnnotation label = new XYTextAnnotation(String.valueOf(firstFrame + i), shifts[i][0], shifts[i][1]);
            label.setFont(font);
            label.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer in this Java runtime to write " + file);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
