package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.io.GainOrientation;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;

class SumBuilderTest {

    @TempDir
    Path dir;

    @Test
    void lowRankDoseWeightingMatchesPerFrameFilters() throws Exception {
        int size = 128;
        int n = 16;
        Random r = new Random(3);
        Frame[] frames = new Frame[n];
        for (int t = 0; t < n; t++) {
            frames[t] = new Frame(size, size);
            float[] d = frames[t].data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) r.nextGaussian();
            }
        }
        Path file = dir.resolve("static.mrc");
        MrcFiles.write(file, List.of(frames), MrcMode.FLOAT32, 0.8);
        AlignSettings s = AlignSettings.defaults(n, 0.8, 2.0).withPatches(0, 0);
        Motion still = new Motion(0, new double[n][2], null);
        SumBuilder.Sums sums;
        try (MovieFrames mf = MovieFrames.open(file, null, null, GainOrientation.IDENTITY, null, null, new int[4]);
             Workers w = new Workers(2, null)) {
            sums = SumBuilder.build(mf, s, still, w, new Timings(), 5);
        }
        // the exact Grant & Grigorieff sum, one filter per frame
        ComplexFrame exact = new ComplexFrame(size, size);
        double[] sq = new double[exact.columns() * size];
        double[] exposures = DoseWeighting.exposures(0, 2.0, 0, n);
        for (int t = 0; t < n; t++) {
            ComplexFrame f = Fft.forward(frames[t]);
            for (int row = 0; row < size; row++) {
                for (int c = 0; c < exact.columns(); c++) {
                    double k = Math.hypot((double) c / size, Frequencies.cyclesPerPixel(row, size)) / 0.8;
                    double q = DoseWeighting.weight(exposures[t], k, 1.0);
                    int i = exact.index(c, row);
                    exact.data()[i] += (float) (q * f.data()[i]);
                    exact.data()[i + 1] += (float) (q * f.data()[i + 1]);
                    sq[row * exact.columns() + c] += q * q;
                }
            }
        }
        for (int m = 0; m < sq.length; m++) {
            float norm = (float) Math.sqrt(n / sq[m]);
            exact.data()[2 * m] *= norm;
            exact.data()[2 * m + 1] *= norm;
        }
        Frame reference = Fft.inverse(exact);
        double err = 0;
        double ref = 0;
        for (int i = 0; i < reference.data().length; i++) {
            double e = sums.doseWeighted().data()[i] - reference.data()[i];
            err += e * e;
            ref += reference.data()[i] * reference.data()[i];
        }
        double relative = Math.sqrt(err / ref);
        System.out.println("low-rank DW: rank " + sums.rank() + ", weight error " + sums.weightError()
                + ", relative image error " + relative);
        assertTrue(sums.rank() < n);
        assertTrue(relative < 2e-3, "relative error " + relative);
        // the plain sum is exact
        for (int i = 0; i < 50; i++) {
            float plain = 0;
            for (Frame f : frames) {
                plain += f.data()[i];
            }
            assertEquals(plain, sums.plain().data()[i], 1e-3);
        }
    }

    @Test
    void alignedSumOfShiftedFramesMatchesTheSpecimen() throws Exception {
        SyntheticMovie movie = new SyntheticMovie(256, 10, 1e6, 5); // NB: no noise to speak of
        Path file = movie.write(dir.resolve("moving.mrc"), 1);
        AlignSettings s = AlignSettings.defaults(10, 1.0, 1.0).withPatches(0, 0);
        SumBuilder.Sums sums;
        try (MovieFrames mf = MovieFrames.open(file, null, null, GainOrientation.IDENTITY, null, null, new int[4]);
             Workers w = new Workers(2, null)) {
            sums = SumBuilder.build(mf, s, new Motion(0, movie.shifts, null), w, new Timings(), 4);
        }
        double cc = correlation(sums.plain(), movie.ideal, 24);
        System.out.println("aligned noise-free sum vs specimen: cc " + cc);
        assertTrue(cc > 0.995, "cc " + cc);
    }

    /** Pearson correlation of two frames over the interior (a margin left out). */
    static double correlation(Frame a, Frame b, int margin) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = 0;
        for (int y = margin; y < a.height() - margin; y++) {
            for (int x = margin; x < a.width() - margin; x++) {
                double u = a.get(x, y);
                double v = b.get(x, y);
                sa += u;
                sb += v;
                saa += u * u;
                sbb += v * v;
                sab += u * v;
                n++;
            }
        }
        double cov = sab / n - sa / n * sb / n;
        return cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
    }
}
