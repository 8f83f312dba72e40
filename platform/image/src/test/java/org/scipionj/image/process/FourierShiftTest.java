package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.FftTest;

class FourierShiftTest {

    @Test
    void integerShiftsAreExactCircularShifts() {
        Frame f = FftTest.random(50, 37, 11); // white noise, Nyquist included
        Frame g = FourierShift.shift(f, 7, -3);
        for (int y = 0; y < 37; y++) {
            for (int x = 0; x < 50; x++) {
                assertEquals(f.get(Math.floorMod(x - 7, 50), Math.floorMod(y + 3, 37)), g.get(x, y), 1e-5);
            }
        }
    }

    @Test
    void subPixelShiftsMatchTheShiftedBandLimitedFunction() {
        Waves waves = Waves.random(96, 80, 12, 40, 30, 4);
        Frame g = FourierShift.shift(waves.frame(0, 0), 3.25, -1.5);
        assertEquals(0, Waves.maxDifference(waves.frame(3.25, -1.5), g), 1e-4);
        Frame back = FourierShift.shift(g, -3.25, 1.5);
        assertEquals(0, Waves.maxDifference(waves.frame(0, 0), back), 1e-4);
    }

    @Test
    void subPixelShiftsOfASmoothBlobMatchInterpolation() {
        // a Gaussian of sigma 3 px is band-limited in practice: its shifted samples are the analytic ones
        int n = 64;
        Frame f = new Frame(n, n);
        Frame expected = new Frame(n, n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                f.set(x, y, (float) blob(x - 30, y - 34));
                expected.set(x, y, (float) blob(x - 30.4, y - 34.7));
            }
        }
        Frame g = FourierShift.shift(f, 0.4, 0.7);
        assertEquals(0, Waves.maxDifference(expected, g), 1e-5);
    }

    private static double blob(double x, double y) {
        return Math.exp(-(x * x + y * y) / (2 * 9.0));
    }
}
