package org.scipionj.eman.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.scipionj.image.Frame;

/**
 * Turns a score map (binned by {@code binning}) into picks: scores relative to the map's median in units of the
 * background's spread (see {@link #select}), local maxima over the 3x3 neighbourhood above the threshold, sub-pixel refinement by a parabola
 * along each axis, then, best first: upper threshold, border, contamination (local mean and standard deviation of
 * the image over one diameter compared with their robust spread over the micrograph) and non-maximum suppression at
 * {@link PickerSettings#minDistance_px()}. Positions are returned in pixels of the unbinned micrograph (binned pixel
 * {@code x'} covers pixels {@code x' b .. x' b + b - 1}, so its centre is {@code x' b + (b - 1) / 2}). Not
 * thread-safe; make one per micrograph.
 */
final class PeakSelection {

    private final PickerSettings s;
    private final int width;
    private final int height;
    private final int binning;

    PeakSelection(PickerSettings settings, int width, int height, int binning) {
        this.s = settings;
        this.width = width;
        this.height = height;
        this.binning = binning;
    }

    /**
     * Picks from {@code map}; {@code image} (same size, may be null) is the binned image for contamination. Scores
     * are {@code (value - median) / spread}, the spread being the median minus the 15.9th percentile (one standard
     * deviation for a normal background; the particles, in the upper tail, do not widen it).
     */
    List<Pick> select(Frame map, Frame image) {
        int w = map.width();
        int h = map.height();
        float[] d = map.data();
        double[] ms = background(d);
        double median = ms[0];
        double sd = ms[1] > 0 ? ms[1] : 1;
        List<Pick> candidates = new ArrayList<>();
        float cut = (float) (median + s.threshold() * sd);
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float v = d[i];
                if (v < cut || v < d[i - 1] || v < d[i + 1] || v < d[i - w] || v < d[i + w] || v < d[i - w - 1]
                        || v < d[i - w + 1] || v < d[i + w - 1] || v < d[i + w + 1]) {
                    continue;
                }
                double ox = vertex(d[i - 1], v, d[i + 1]);
                double oy = vertex(d[i - w], v, d[i + w]);
                double px = (x + ox) * binning + (binning - 1) / 2.0;
                double py = (y + oy) * binning + (binning - 1) / 2.0;
                candidates.add(new Pick(px, py, (v - median) / sd));
            }
        }
        candidates.sort(Comparator.comparingDouble(Pick::score).reversed());
        Contamination contamination = s.contaminationThreshold() > 0 && image != null
                ? new Contamination(image, s.diameter_px() / binning, s.darkParticles()) : null;
        List<Pick> kept = new ArrayList<>();
        double min2 = s.minDistance_px() * s.minDistance_px();
        for (Pick c : candidates) {
            if (c.score() > s.upperThreshold() || c.x() < s.border_px() || c.y() < s.border_px()
                    || c.x() > width - 1 - s.border_px() || c.y() > height - 1 - s.border_px()) {
                continue;
            }
            boolean close = false;
            for (Pick k : kept) {
                double dx = k.x() - c.x();
                double dy = k.y() - c.y();
                if (dx * dx + dy * dy < min2) {
                    close = true;
                    break;
                }
            }
            if (close) {
                continue;
            }
            if (contamination != null && contamination.excluded((c.x() - (binning - 1) / 2.0) / binning,
                    (c.y() - (binning - 1) / 2.0) / binning, s.contaminationThreshold())) {
                continue;
            }
            kept.add(c);
            if (s.maxPicks() > 0 && kept.size() >= s.maxPicks()) {
                break;
            }
        }
        return kept;
    }

    /** Median and 1.4826 x median absolute deviation of {@code values} (sampled to at most about 65536 values). */
    static double[] robust(float[] values) {
        int step = Math.max(1, values.length / 65536);
        float[] sample = new float[(values.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < values.length && n < sample.length; i += step) {
            sample[n++] = values[i];
        }
        sample = Arrays.copyOf(sample, n);
        Arrays.sort(sample);
        double median = sample[n / 2];
        float[] dev = new float[n];
        for (int i = 0; i < n; i++) {
            dev[i] = (float) Math.abs(sample[i] - median);
        }
        Arrays.sort(dev);
        return new double[] {median, 1.4826 * dev[n / 2]};
    }

    /** Median and (median - 15.9th percentile) of {@code values}, sampled to at most about 65536 values. */
    static double[] background(float[] values) {
        int step = Math.max(1, values.length / 65536);
        float[] sample = new float[(values.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < values.length && n < sample.length; i += step) {
            sample[n++] = values[i];
        }
        sample = Arrays.copyOf(sample, n);
        Arrays.sort(sample);
        double median = sample[n / 2];
        return new double[] {median, median - sample[(int) (0.159 * (n - 1))]};
    }

    /** Offset in [-0.5, 0.5] of the vertex of the parabola through three samples around a maximum. */
    static double vertex(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }
}
