package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftTest;

class CrossCorrelationTest {

    /** Noise low-passed to a realistic, not too sharp spectrum. */
    static Frame texture(int w, int h, long seed) {
        return FourierFilters.gaussianBlur(FftTest.random(w, h, seed), 1.0);
    }

    @Test
    void phaseCorrelationRecoversASubPixelShift() {
        Frame a = texture(256, 256, 1);
        Frame b = FourierShift.shift(a, 3.25, -1.5);
        Shift s = CrossCorrelation.shift(a, b, CrossCorrelation.Options.PHASE);
        assertEquals(3.25, s.dx(), 0.02);
        assertEquals(-1.5, s.dy(), 0.02);
        assertEquals(1.0, s.peak(), 0.05); // identical content
        // and aligning b back gives a
        Frame aligned = FourierShift.shift(b, -s.dx(), -s.dy());
        assertTrue(Waves.maxDifference(a, aligned) < 0.05 * FrameStatistics.of(a).std());
    }

    @Test
    void phaseCorrelationHasNoSubPixelBias() {
        Random r = new Random(8);
        Frame a = texture(128, 96, 7);
        ComplexFrame fa = Fft.forward(a);
        for (int trial = 0; trial < 20; trial++) {
            double dx = 20 * r.nextDouble() - 10;
            double dy = 20 * r.nextDouble() - 10;
            Shift s = CrossCorrelation.shift(fa, Fft.forward(FourierShift.shift(a, dx, dy)),
                    CrossCorrelation.Options.PHASE);
            assertEquals(dx, s.dx(), 0.002);
            assertEquals(dy, s.dy(), 0.002);
        }
    }

    @Test
    void noisySubPixelShiftsAreFoundToAFewHundredthsOfAPixel() {
        Random r = new Random(9);
        Frame a = texture(192, 160, 2); // std about 0.28
        double worst = 0;
        for (int trial = 0; trial < 10; trial++) {
            double dx = 20 * r.nextDouble() - 10;
            double dy = 20 * r.nextDouble() - 10;
            Frame b = FourierShift.shift(a, dx, dy);
            Frame noisyA = a.copy();
            for (int i = 0; i < b.data().length; i++) { // independent noise in both, SNR about 8 per pixel
                b.data()[i] += (float) (0.1 * r.nextGaussian());
                noisyA.data()[i] += (float) (0.1 * r.nextGaussian());
            }
            Shift s = CrossCorrelation.shift(noisyA, b, new CrossCorrelation.Options(true, 1.5, 15));
            worst = Math.max(worst, Math.max(Math.abs(s.dx() - dx), Math.abs(s.dy() - dy)));
        }
        assertTrue(worst < 0.05, "worst error " + worst + " px");
    }

    @Test
    void plainCorrelationFindsIntegerShiftsAndTheMapIsCentred() {
        Frame a = texture(64, 48, 3);
        Frame b = FourierShift.shift(a, -5, 4);
        Frame map = CrossCorrelation.map(Fft.forward(a), Fft.forward(b), CrossCorrelation.Options.PLAIN);
        Peak p = PeakFinder.find(map);
        assertEquals(32 - 5, p.x(), 0.1);
        assertEquals(24 + 4, p.y(), 0.1);
        // zero shift of a with itself: the sum of squares, at the centre
        Frame self = CrossCorrelation.map(Fft.forward(a), Fft.forward(a), CrossCorrelation.Options.PLAIN);
        double squares = 0;
        for (float v : a.data()) {
            squares += v * v;
        }
        assertEquals(squares, self.get(32, 24), 1e-3 * squares);
    }

    @Test
    void maxShiftLimitsTheSearch() {
        Frame a = texture(64, 64, 4);
        Frame b = FourierShift.shift(a, 20, 0);
        Shift far = CrossCorrelation.shift(a, b, CrossCorrelation.Options.PHASE);
        assertEquals(20, far.dx(), 0.05);
        Shift near = CrossCorrelation.shift(a, b, new CrossCorrelation.Options(true, 1.5, 5));
        assertTrue(near.length() <= 5.5, "found " + near);
    }

    @Test
    void spectraAreNotChanged() {
        ComplexFrame a = Fft.forward(texture(32, 32, 5));
        ComplexFrame b = Fft.forward(texture(32, 32, 6));
        float[] a0 = a.data().clone();
        float[] b0 = b.data().clone();
        CrossCorrelation.map(a, b, CrossCorrelation.Options.PHASE);
        FftTest.assertArrayClose(a0, a.data(), 0);
        FftTest.assertArrayClose(b0, b.data(), 0);
    }

    @Test
    void theGaussianFitIsExactOnAGaussianPeak() {
        Frame map = new Frame(21, 21);
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 21; x++) {
                double dx = x - 9.37;
                double dy = y - 11.81;
                map.set(x, y, (float) (5 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.7 * 1.7))));
            }
        }
        Peak p = PeakFinder.find(map);
        assertEquals(9.37, p.x(), 1e-4);
        assertEquals(11.81, p.y(), 1e-4);
        assertEquals(5, p.value(), 1e-3);
    }

    @Test
    void theParabolicFitHandlesNegativeValues() {
        double[] f = PeakFinder.fit(-1, 1, 0); // parabola through (-1,-1), (0,1), (1,0): vertex at 1/6
        assertEquals(1.0 / 6, f[0], 1e-12);
    }
}
