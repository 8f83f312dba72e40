package org.scipionj.image.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scipionj.image.Frame;

public class FftTest {

    public static Frame random(int w, int h, long seed) {
        Random r = new Random(seed);
        Frame f = new Frame(w, h);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] = (float) r.nextGaussian();
        }
        return f;
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,7", "7,1", "2,2", "6,5", "5,6", "7,9", "16,16", "17,13", "30,12", "64,48", "62,86", "63,65", "127,8"})
    void forwardMatchesTheDefinition(int w, int h) {
        Frame f = random(w, h, 1);
        ComplexFrame s = Fft.forward(f);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < s.columns(); c++) {
                double re = 0;
                double im = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double phase = -2 * Math.PI * ((double) c * x / w + (double) r * y / h);
                        re += f.get(x, y) * Math.cos(phase);
                        im += f.get(x, y) * Math.sin(phase);
                    }
                }
                double tol = 1e-5 * Math.sqrt(w * h) + 1e-5;
                assertEquals(re, s.re(c, r), tol, "re at " + c + "," + r);
                assertEquals(im, s.im(c, r), tol, "im at " + c + "," + r);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,8", "8,1", "2,3", "9,7", "128,128", "250,120", "127,131", "62,213", "512,384", "1000,1010"})
    void inverseOfForwardIsTheIdentity(int w, int h) {
        Frame f = random(w, h, 2);
        ComplexFrame s = Fft.forward(f);
        ComplexFrame kept = s.copy();
        Frame back = Fft.inverse(s);
        assertArrayClose(f.data(), back.data(), 2e-5);
        assertArrayClose(kept.data(), s.data(), 0); // inverse keeps its input

        Frame back2 = new Frame(w, h);
        Fft.plan(w, h).inverseOverwriting(s, back2);
        assertArrayClose(f.data(), back2.data(), 2e-5);
    }

    @Test
    void aCosinePeaksAtItsFrequency() {
        int w = 64;
        int h = 48;
        int kx = 5;
        int ky = -3; // 5/64 and -3/48 cycles/pixel
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                f.set(x, y, (float) (2 + Math.cos(2 * Math.PI * ((double) kx * x / w + (double) ky * y / h))));
            }
        }
        ComplexFrame s = Fft.forward(f);
        int row = Frequencies.fftIndex(ky, h);
        assertEquals(5.0 / 64, s.kx(kx), 0);
        assertEquals(-3.0 / 48, s.ky(row), 1e-15);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < s.columns(); c++) {
                double mag = Math.hypot(s.re(c, r), s.im(c, r));
                double expected = c == 0 && r == 0 ? 2.0 * w * h : c == kx && r == row ? w * h / 2.0 : 0;
                assertEquals(expected, mag, 1e-3, "at " + c + "," + r);
            }
        }
        assertEquals(w * h / 2.0, s.re(kx, row), 1e-3); // a cosine: real, positive
    }

    @Test
    void plansAreCachedPerSize() {
        assertSame(Fft.plan(40, 30), Fft.plan(40, 30));
        assertEquals(30, Fft.plan(40, 30).height());
    }

    @Test
    void sizesMustMatchThePlan() {
        FftPlan plan = Fft.plan(8, 8);
        assertThrows(IllegalArgumentException.class, () -> plan.forward(new Frame(8, 7), new ComplexFrame(8, 8)));
        assertThrows(IllegalArgumentException.class, () -> plan.inverse(new ComplexFrame(9, 8), new Frame(8, 8)));
    }

    @ParameterizedTest
    @CsvSource({"512,512", "600,501", "601,500"})
    void oneThreadAndManyGiveTheSameResult(int w, int h) {
        Frame f = random(w, h, 3);
        int before = Fft.threads();
        try {
            Fft.setThreads(1);
            ComplexFrame one = Fft.forward(f);
            Frame backOne = Fft.inverse(one);
            for (int threads = 2; threads <= 5; threads++) {
                Fft.setThreads(threads);
                ComplexFrame many = Fft.forward(f);
                assertArrayClose(one.data(), many.data(), 0); // bit for bit
                assertArrayClose(backOne.data(), Fft.inverse(many).data(), 0);
            }
        } finally {
            Fft.setThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> Fft.setThreads(0));
    }

    @Test
    void frequencyIndicesFollowNumpy() {
        // numpy.fft.fftfreq(4) = [0, .25, -.5, -.25]; fftfreq(5) = [0, .2, .4, -.4, -.2]
        assertEquals(-2, Frequencies.signed(2, 4));
        assertEquals(2, Frequencies.signed(2, 5));
        assertEquals(-2, Frequencies.signed(3, 5));
        assertEquals(-0.5, Frequencies.cyclesPerPixel(2, 4));
        assertEquals(2, Frequencies.centred(0, 4));
        assertEquals(0, Frequencies.centred(2, 4));
        assertEquals(0, Frequencies.centred(3, 5));
        for (int n = 1; n < 10; n++) {
            for (int i = 0; i < n; i++) {
                assertEquals(i, Frequencies.fromCentred(Frequencies.centred(i, n), n));
                assertEquals(i, Frequencies.fftIndex(Frequencies.signed(i, n), n));
            }
        }
        assertEquals(0.25, Frequencies.perAngstrom(0.5, 2.0));
    }

    public static void assertArrayClose(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tol) {
                assertEquals(expected[i], actual[i], tol, "at index " + i);
            }
        }
    }
}
