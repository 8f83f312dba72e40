package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.process.FourierShift;

/**
 * Small synthetic movies for unit tests: a band-limited random specimen (contrast like a micrograph at low
 * resolution) moved by known whole-frame shifts, with Poisson counting noise. The shifts follow the simulator's
 * sign: the specimen point at {@code x} in frame 0 is at {@code x + shift[t]} in frame t.
 */
final class SyntheticMovie {

    final int size;
    final int frames;
    final double dose;
    final double[][] shifts;
    final Frame ideal;

    SyntheticMovie(int size, int frames, double dosePerPixel, long seed) {
        this.size = size;
        this.frames = frames;
        this.dose = dosePerPixel;
        Random r = new Random(seed);
        this.shifts = new double[frames][2];
        double vx = 0.6 + r.nextDouble();
        double vy = -0.4 - r.nextDouble();
        for (int t = 1; t < frames; t++) {
            double decay = Math.exp(-t / 6.0); // fast early motion, as beam-induced motion
            shifts[t][0] = shifts[t - 1][0] + vx * (0.3 + 2 * decay) + 0.05 * r.nextGaussian();
            shifts[t][1] = shifts[t - 1][1] + vy * (0.3 + 2 * decay) + 0.05 * r.nextGaussian();
        }
        this.ideal = specimen(size, r);
    }

    /** Random texture with power between 1/60 and 1/3 cycles/px, mean 1, contrast about 0.3 (rms). */
    static Frame specimen(int size, Random r) {
        Frame noise = new Frame(size, size);
        float[] d = noise.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        ComplexFrame s = Fft.forward(noise);
        float[] sd = s.data();
        for (int row = 0; row < size; row++) {
            double ky = Frequencies.cyclesPerPixel(row, size);
            for (int c = 0; c < s.columns(); c++) {
                double kx = (double) c / size;
                double k = Math.hypot(kx, ky);
                double gain = k < 1.0 / 60 ? 0 : Math.exp(-k * k / (2 * 0.12 * 0.12)) / Math.sqrt(k);
                int i = s.index(c, row);
                sd[i] *= gain;
                sd[i + 1] *= gain;
            }
        }
        Frame img = Fft.inverse(s);
        float[] v = img.data();
        double sq = 0;
        for (float x : v) {
            sq += x * x;
        }
        float scale = (float) (0.3 / Math.sqrt(sq / v.length));
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0.05f, 1 + scale * v[i]);
        }
        return img;
    }

    /** Frame t: the specimen moved by {@code shift[t]}, Poisson counts at the dose. */
    Frame frame(int t, Random r) {
        Frame moved = FourierShift.shift(ideal, shifts[t][0], shifts[t][1]);
        float[] d = moved.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = poisson(Math.max(0, d[i]) * dose, r);
        }
        return moved;
    }

    /** Writes the movie as an MRC stack (float counts). */
    Path write(Path file, long seed) throws IOException {
        Random r = new Random(seed);
        MrcFiles.write(file, frames, t -> frame(t, r), MrcMode.FLOAT32, 1.0);
        return file;
    }

    static float poisson(double mean, Random r) {
        if (mean > 30) {
            return (float) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    /** RMS distance between measured and true shifts after removing the mean difference. */
    static double rmsError(double[][] measured, double[][] truth) {
        int n = truth.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += (measured[t][0] - truth[t][0]) / n;
            my += (measured[t][1] - truth[t][1]) / n;
        }
        double sq = 0;
        for (int t = 0; t < n; t++) {
            double ex = measured[t][0] - truth[t][0] - mx;
            double ey = measured[t][1] - truth[t][1] - my;
            sq += ex * ex + ey * ey;
        }
        return Math.sqrt(sq / n);
    }
}
