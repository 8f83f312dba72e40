package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scipionj.image.Frame;

class FourierResizeTest {

    @ParameterizedTest
    @CsvSource({"128,96,64,48", "128,96,86,64", "75,55,50,36", "64,64,33,31", "40,30,80,60", "31,33,64,50"})
    void resizingABandLimitedImageSamplesItOnTheNewGrid(int w, int h, int nw, int nh) {
        Waves waves = Waves.random(w, h, 8, Math.min(w, nw) / 2 - 2, Math.min(h, nh) / 2 - 2, 7);
        Frame out = FourierResize.resize(waves.frame(0, 0), nw, nh);
        assertEquals(nw, out.width());
        assertEquals(nh, out.height());
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                // new pixel x' sits at old coordinate x' * w / nw
                assertEquals(waves.at((double) x * w / nw, (double) y * h / nh), out.get(x, y), 2e-4,
                        "at " + x + "," + y);
            }
        }
    }

    @Test
    void binningFollowsMotionCor2SizeRule() {
        assertEquals(2730, FourierResize.binnedSize(4096, 1.5));
        assertEquals(2048, FourierResize.binnedSize(4096, 2));
        assertEquals(2880, FourierResize.binnedSize(5760, 2));
        assertEquals(2046, FourierResize.binnedSize(4092, 2));
        assertEquals(8192, FourierResize.binnedSize(4096, 0.5));
        assertThrows(IllegalArgumentException.class, () -> FourierResize.binnedSize(4096, 0));
        Frame binned = FourierResize.bin(new Frame(100, 60), 1.5);
        assertEquals(66, binned.width());
        assertEquals(40, binned.height());
    }

    @Test
    void binningByTwoKeepsEvenPixelsOfABandLimitedImageAndTheMean() {
        Waves waves = Waves.random(256, 256, 10, 60, 60, 3);
        Frame f = waves.frame(0, 0);
        Frame b = FourierResize.bin(f, 2);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                assertEquals(f.get(2 * x, 2 * y), b.get(x, y), 2e-4);
            }
        }
        assertEquals(FrameStatistics.of(f).mean(), FrameStatistics.of(b).mean(), 1e-4);
    }

    @ParameterizedTest
    @CsvSource({"32,32,64,64", "32,30,65,61", "33,31,64,64"})
    void croppingUndoesPaddingEvenWithNyquistContent(int w, int h, int pw, int ph) {
        Random r = new Random(5);
        Frame f = new Frame(w, h);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] = (float) r.nextGaussian(); // white: full Nyquist content
        }
        Frame padded = FourierResize.resize(f, pw, ph);
        Frame back = FourierResize.resize(padded, w, h);
        assertEquals(0, Waves.maxDifference(f, back), 1e-4);
        if (pw == 2 * w && ph == 2 * h) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(f.get(x, y), padded.get(2 * x, 2 * y), 1e-4); // interpolation passes through
                }
            }
        }
    }
}
