package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReader;
import org.scipionj.image.io.MovieReaders;

/**
 * Residual-gain statistics of one movie, as Scipion's movie-gain monitor checks them: the standard deviation of the
 * residual gain, the ratio of its 97.5 and 2.5 percentiles and the ratio of its maximum and minimum.
 *
 * <p>The residual gain is the fixed pattern left in the (gain-corrected) frames: the per-pixel mean over the frames,
 * divided by the global mean. One movie's mean also holds shot noise, which would hide the fixed pattern, so the
 * frames are split into even and odd halves: the pattern is common to both, the shot noise is not, and the
 * covariance of the two half-means estimates the pattern's variance alone. The per-pixel estimate is then scaled
 * towards 1 so that its spread is the pattern's alone before percentiles, minimum and maximum are taken. A perfectly gain-corrected movie gives std ≈ 0 and ratios ≈ 1.
 *
 * @param std standard deviation of the residual gain
 * @param ratio1 97.5th / 2.5th percentile
 * @param ratio2 maximum / minimum (capped at 1e6 when the minimum is not positive)
 */
record ResidualGain(double std, double ratio1, double ratio2) {

    /** Reads every frame of {@code movie} (gain-multiplied when {@code gain} is given, same size, no rotation). */
    static ResidualGain of(Path movie, Path gain) throws IOException {
        try (MovieReader r = MovieReaders.open(movie)) {
            int n = r.width() * r.height();
            float[] g = null;
            if (gain != null) {
                Frame gf = MovieReaders.readImage(gain);
                if (gf.width() == r.width() && gf.height() == r.height()) {
                    g = gf.data();
                }
            }
            double[] even = new double[n];
            double[] odd = new double[n];
            float[] buf = new float[n];
            int frames = r.frames();
            for (int z = 0; z < frames; z++) {
                r.readFrame(z, buf);
                double[] into = z % 2 == 0 ? even : odd;
                for (int i = 0; i < n; i++) {
                    into[i] += g == null ? buf[i] : buf[i] * g[i];
                }
            }
            if (frames < 2) {
                System.arraycopy(even, 0, odd, 0, n);
            }
            return of(even, odd);
        }
    }

    /** From the per-pixel sums of the even and odd frames. */
    static ResidualGain of(double[] even, double[] odd) {
        int n = even.length;
        double me = 0;
        double mo = 0;
        for (int i = 0; i < n; i++) {
            me += even[i];
            mo += odd[i];
        }
        me /= n;
        mo /= n;
        if (me <= 0 || mo <= 0) {
            return new ResidualGain(Double.NaN, Double.NaN, Double.NaN);
        }
        double cov = 0;
        double var = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double a = even[i] / me - 1;
            double b = odd[i] / mo - 1;
            cov += a * b;
            x[i] = (a + b) / 2;
            var += x[i] * x[i];
        }
        cov /= n;
        var /= n;
        double patternVar = Math.max(0, cov);
        double k = var > 0 ? Math.sqrt(Math.min(1, patternVar / var)) : 0;
        double[] est = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            est[i] = 1 + k * x[i];
            min = Math.min(min, est[i]);
            max = Math.max(max, est[i]);
        }
        Arrays.sort(est);
        double p025 = est[(int) Math.floor(0.025 * (n - 1))];
        double p975 = est[(int) Math.ceil(0.975 * (n - 1))];
        double ratio1 = p025 > 0 ? p975 / p025 : 1e6;
        double ratio2 = min > 0 ? Math.min(1e6, max / min) : 1e6;
        return new ResidualGain(Math.sqrt(patternVar), ratio1, ratio2);
    }
}
