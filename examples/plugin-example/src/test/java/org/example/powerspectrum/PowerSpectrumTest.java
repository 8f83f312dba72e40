package org.example.powerspectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** How to test a plugin: plain unit tests of its numerics, no runtime needed. */
class PowerSpectrumTest {

    @Test
    void theFftOfACosineIsTwoPeaks() {
        int n = 64;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * 5 * i / n);
        }
        PowerSpectrum.fft(re, im);
        assertEquals(n / 2.0, re[5], 1e-9);
        assertEquals(n / 2.0, re[n - 5], 1e-9);
        assertEquals(0, re[6], 1e-9);
    }

    @Test
    void whiteNoiseIsFlatAndBlurredNoiseLosesItsHighBand() {
        int n = 128;
        Random random = new Random(1);
        float[] white = new float[n * n];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) random.nextGaussian();
        }
        float[] blurred = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double s = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        s += white[Math.floorMod(y + dy, n) * n + Math.floorMod(x + dx, n)];
                    }
                }
                blurred[y * n + x] = (float) (s / 25); // NB: a 5 x 5 box blur
            }
        }
        PowerSpectrum.Stats flat = PowerSpectrum.of(new MrcImage(n, n, white), n);
        PowerSpectrum.Stats soft = PowerSpectrum.of(new MrcImage(n, n, blurred), n);
        assertEquals(1.0, flat.highLowRatio(), 0.25, "white noise has the same power in both bands");
        assertTrue(soft.highLowRatio() < 0.3 * flat.highLowRatio(), "blurring damps the high band: " + soft.highLowRatio());
        assertEquals(1.0, flat.std(), 0.05);
    }
}
