package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftTest;

class PowerSpectrumTest {

    @Test
    void aCosineGivesTwoSymmetricPeaksAroundTheCentre() {
        int w = 64;
        int h = 50;
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                f.set(x, y, (float) (2 * Math.cos(2 * Math.PI * (5.0 * x / w - 3.0 * y / h))));
            }
        }
        Frame p = PowerSpectrum.of(f, false);
        // |F| = w*h at (5, -3) and (-5, 3); power = |F|^2 / (w*h) = w*h
        assertEquals(w * h, p.get(w / 2 + 5, h / 2 - 3), 1e-2);
        assertEquals(w * h, p.get(w / 2 - 5, h / 2 + 3), 1e-2);
        double total = 0;
        for (float v : p.data()) {
            total += v;
        }
        assertEquals(2.0 * w * h, total, 1e-1); // Parseval: sum of power = sum of squares = 2 w h
        Frame log = PowerSpectrum.of(f, true);
        assertEquals(Math.log(w * h), log.get(w / 2 + 5, h / 2 - 3), 1e-4);
        Frame zero = PowerSpectrum.of(new Frame(8, 8), true);
        assertEquals(Math.log(Float.MIN_NORMAL), zero.get(0, 0), 1e-4); // zero power is clamped, not -infinity
    }

    @Test
    void whiteNoiseHasAFlatPowerEqualToItsVariance() {
        Frame noise = FftTest.random(256, 256, 4); // variance 1
        RadialProfile p = RotationalAverage.ofPower(Fft.forward(noise));
        assertEquals(129, p.size());
        assertEquals(0.5, p.frequency()[128], 0);
        double sum = 0;
        long count = 0;
        for (int i = 10; i < p.size(); i++) {
            // each ring mean is of count/2 independent exponential variables (Hermitian pairs counted twice)
            assertEquals(1.0, p.value()[i], 5 / Math.sqrt(p.count()[i] / 2.0), "ring " + i);
            sum += p.value()[i] * p.count()[i];
            count += p.count()[i];
        }
        assertEquals(1.0, sum / count, 0.02);
        RadialProfile q = RotationalAverage.ofCentred(PowerSpectrum.of(noise, false));
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.value()[i], q.value()[i], 1e-4 * (1 + p.value()[i]));
            assertEquals(p.count()[i], q.count()[i]);
        }
    }

    @Test
    void rotationalAverageOfAGaussianBlobIsItsAnalyticPowerSpectrum() {
        int w = 200;
        int h = 160;
        double s = 3;
        Frame blob = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r2 = (x - 100) * (x - 100) + (y - 80) * (y - 80);
                blob.set(x, y, (float) Math.exp(-r2 / (2 * s * s)));
            }
        }
        RadialProfile p = RotationalAverage.ofPower(Fft.forward(blob));
        assertEquals(101, p.size()); // rings 1/200 wide, up to 0.5
        for (int i = 0; i < 30; i++) { // NB: further out, the power falls so fast that a ring's mean is off its centre
            double k = p.frequency()[i];
            double amplitude = 2 * Math.PI * s * s * Math.exp(-2 * Math.PI * Math.PI * s * s * k * k);
            double expected = amplitude * amplitude / (w * h);
            assertEquals(expected, p.value()[i], 0.05 * expected + 1e-12, "ring " + i);
        }
        assertEquals(0.5 / 1.5, p.perAngstrom(100, 1.5), 1e-12);
    }

    @Test
    void ringsAreAveragesOfTheCentredMap() {
        Frame radius = new Frame(32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                radius.set(x, y, (float) Math.hypot((x - 16) / 32.0, (y - 16) / 32.0));
            }
        }
        RadialProfile p = RotationalAverage.ofCentred(radius);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.frequency()[i], p.value()[i], 0.5 / 32);
        }
        assertEquals(1, p.count()[0]);
    }
}
