package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.FftTest;

class StatisticsTest {

    @Test
    void statisticsOfKnownValues() {
        Frame f = new Frame(2, 2, new float[] {1, 2, 3, 6});
        FrameStatistics s = FrameStatistics.of(f);
        assertEquals(4, s.count());
        assertEquals(1, s.min());
        assertEquals(6, s.max());
        assertEquals(3, s.mean());
        assertEquals(Math.sqrt(3.5), s.std(), 1e-12); // population std: (4+1+0+9)/4
    }

    @Test
    void percentilesMatchNumpyLinear() {
        float[] v = {7, 1, 3, 3, 9, 5};
        // numpy.percentile([7,1,3,3,9,5], [0, 10, 50, 95, 100]) = [1, 2, 4, 8.5, 9]
        assertArrayEquals(new double[] {1, 2, 4, 8.5, 9}, Percentiles.of(v, 0, 10, 50, 95, 100), 1e-12);
        assertArrayEquals(new double[] {9, 1}, Percentiles.of(v, 100, 0), 0); // in the order asked
        assertArrayEquals(new float[] {7, 1, 3, 3, 9, 5}, v); // input untouched
    }

    @Test
    void percentilesOfLargeArraysWithManyTiesEqualSorting() {
        Random r = new Random(3);
        float[] v = new float[100_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(10) < 3 ? 0 : (float) r.nextGaussian(); // 30% zeros, as in masked images
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] ps = {0.5, 25, 30, 50, 99.5, 99.99};
        double[] got = Percentiles.of(v, ps);
        for (int i = 0; i < ps.length; i++) {
            double pos = ps[i] / 100 * (v.length - 1);
            int k = (int) pos;
            double expected = sorted[k] + (pos - k) * (sorted[Math.min(k + 1, v.length - 1)] - sorted[k]);
            assertEquals(expected, got[i], 1e-6, "percentile " + ps[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(v, 101));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new float[0], 50));
    }

    @Test
    void normalisationGivesMeanZeroStdOne() {
        Frame f = FftTest.random(64, 64, 1);
        FrameMath.scale(f, 3);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] += 10;
        }
        Frame n = Normalization.normalized(f);
        FrameStatistics s = FrameStatistics.of(n);
        assertEquals(0, s.mean(), 1e-6);
        assertEquals(1, s.std(), 1e-6);
        FrameStatistics before = Normalization.normalize(f);
        assertEquals(10, before.mean(), 0.2);
        assertEquals(3, before.std(), 0.2);
        FftTest.assertArrayClose(n.data(), f.data(), 0);

        Frame constant = new Frame(3, 3);
        Arrays.fill(constant.data(), 5);
        Normalization.normalize(constant);
        assertArrayEquals(new float[9], constant.data());
    }
}
