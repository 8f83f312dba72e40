package org.scipionj.ctffind.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.scipionj.image.Frame;
import org.scipionj.image.process.Percentiles;
import org.scipionj.image.process.Thumbnails;

/**
 * The picture of a fit: the background-subtracted spectrum on the left (lightly smoothed, 3 x 3, for the eye) and
 * the fitted model {@code sin² χ} on the right, side by side at the same scale, so the Thon rings can be compared by
 * eye. Frequencies below the low-resolution limit are grey in both. Stateless.
 */
final class DiagnosticImages {

    /** Grey columns between the two panels. */
    private static final int GAP = 8;

    private DiagnosticImages() {
    }

    /** Data | model, values in [0, 1]. */
    static Frame sideBySide(PreparedSpectrum data, Microscope optics, CtfParameters fit) {
        int n = data.box();
        int c = n / 2;
        double step = data.frequencyStep();
        double rLow = data.lowFrequency() / step;
        float[] values = BoxFilter.mean(data.values().data(), n, n, 3);
        double[] range = Percentiles.of(values, 1, 99);
        float lo = (float) range[0];
        float span = range[1] > range[0] ? (float) (range[1] - range[0]) : 1;
        double a = optics.defocusFactor();
        double b = optics.sphericalFactor();
        double c0 = optics.amplitudePhase_rad() + fit.phaseShift_rad();
        int width = 2 * n + GAP;
        Frame out = new Frame(width, n);
        float[] o = out.data();
        Arrays.fill(o, 0.5f);
        for (int y = 0; y < n; y++) {
            int dy = y - c;
            for (int x = 0; x < n; x++) {
                int dx = x - c;
                double r2 = (double) dx * dx + (double) dy * dy;
                if (r2 < rLow * rLow) {
                    continue;
                }
                float d = (values[y * n + x] - lo) / span;
                o[y * width + x] = Math.max(0f, Math.min(1f, d));
                double k2 = r2 * step * step;
                double df = fit.defocusAt((dx * dx - dy * dy) / r2, 2.0 * dx * dy / r2);
                o[y * width + n + GAP + x] = (float) FastTrig.sin2(a * df * k2 - b * k2 * k2 + c0);
            }
        }
        return out;
    }

    /** Writes {@link #sideBySide} as an 8-bit PNG; row 0 of the spectrum (most negative ky) is the top row. */
    static void writePng(Path file, PreparedSpectrum data, Microscope optics, CtfParameters fit) throws IOException {
        Thumbnails.writePng(sideBySide(data, optics, fit), file, new Thumbnails.Options(0, 0, 100));
    }
}
