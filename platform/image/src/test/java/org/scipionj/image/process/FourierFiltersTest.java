package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftTest;

class FourierFiltersTest {

    /** Checks that {@code filtered / original == transfer(k)} at every frequency. */
    private static void assertTransfer(ComplexFrame original, ComplexFrame filtered, FourierFilters.Transfer h) {
        for (int r = 0; r < original.height(); r++) {
            for (int c = 0; c < original.columns(); c++) {
                double expected = h.at(original.kx(c), original.ky(r));
                double tol = 1e-6 * Math.abs(expected) * (Math.abs(original.re(c, r)) + Math.abs(original.im(c, r)))
                        + 1e-6;
                assertEquals(expected * original.re(c, r), filtered.re(c, r), tol, "re at " + c + "," + r);
                assertEquals(expected * original.im(c, r), filtered.im(c, r), tol, "im at " + c + "," + r);
            }
        }
    }

    private static double k2(double kx, double ky) {
        return kx * kx + ky * ky;
    }

    @Test
    void gaussianLowAndHighPassMultiplyByTheirTransferFunctions() {
        ComplexFrame s = Fft.forward(FftTest.random(40, 30, 1));
        ComplexFrame low = s.copy();
        FourierFilters.lowPass(low, 0.1);
        assertTransfer(s, low, (kx, ky) -> Math.exp(-k2(kx, ky) / (2 * 0.01)));
        ComplexFrame high = s.copy();
        FourierFilters.highPass(high, 0.05);
        assertTransfer(s, high, (kx, ky) -> 1 - Math.exp(-k2(kx, ky) / (2 * 0.0025)));
        ComplexFrame band = s.copy();
        FourierFilters.bandPass(band, 0.05, 0.2);
        assertTransfer(s, band,
                (kx, ky) -> (1 - Math.exp(-k2(kx, ky) / (2 * 0.0025))) * Math.exp(-k2(kx, ky) / (2 * 0.04)));
    }

    @Test
    void bFactorUsesAngstroms() {
        ComplexFrame s = Fft.forward(FftTest.random(32, 36, 2));
        ComplexFrame b = s.copy();
        FourierFilters.bFactor(b, 100, 1.5); // q = k / 1.5 per Å
        assertTransfer(s, b, (kx, ky) -> Math.exp(-100 * k2(kx, ky) / (1.5 * 1.5) / 4));
        ComplexFrame sharp = s.copy();
        FourierFilters.bFactor(sharp, -50, 1.0);
        assertTransfer(s, sharp, (kx, ky) -> Math.exp(50 * k2(kx, ky) / 4));
    }

    @Test
    void anyTransferFunctionCanBeApplied() {
        ComplexFrame s = Fft.forward(FftTest.random(17, 12, 3));
        ComplexFrame f = s.copy();
        FourierFilters.apply(f, (kx, ky) -> kx > 0.2 ? 0 : 1 + ky);
        assertTransfer(s, f, (kx, ky) -> kx > 0.2 ? 0 : 1 + ky);
    }

    @Test
    void gaussianBlurOfAPointIsTheAnalyticGaussian() {
        int n = 64;
        double sigma = 2.5;
        Frame delta = new Frame(n, n);
        delta.set(20, 40, 1);
        Frame blurred = FourierFilters.gaussianBlur(delta, sigma);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - 20;
                double dy = y - 40;
                double expected = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
                assertEquals(expected, blurred.get(x, y), 1e-6, "at " + x + "," + y);
            }
        }
    }

    @Test
    void badParametersAreRefused() {
        ComplexFrame s = new ComplexFrame(8, 8);
        assertThrows(IllegalArgumentException.class, () -> FourierFilters.lowPass(s, 0));
        assertThrows(IllegalArgumentException.class, () -> FourierFilters.bFactor(s, 10, -1));
        assertThrows(IllegalArgumentException.class, () -> FourierFilters.gaussianBlur(new Frame(4, 4), Double.NaN));
    }
}
