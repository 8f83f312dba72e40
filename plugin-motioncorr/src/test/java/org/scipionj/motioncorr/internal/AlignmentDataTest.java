package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;

class AlignmentDataTest {

    @Test
    void binningAveragesBlocksAndDropsTheLeftoverEdge() {
        int w = 11;
        int h = 7;
        float[] in = new float[w * h];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextDouble(-5, 5);
        }
        for (int bin : new int[] {1, 2, 3}) {
            Frame out = AlignmentData.bin(in, w, h, bin);
            assertEquals(w / bin, out.width());
            assertEquals(h / bin, out.height());
            for (int y = 0; y < h / bin; y++) {
                for (int x = 0; x < w / bin; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < bin; dy++) {
                        for (int dx = 0; dx < bin; dx++) {
                            sum += in[(y * bin + dy) * w + x * bin + dx];
                        }
                    }
                    assertEquals(sum / (bin * bin), out.get(x, y), 1e-5, "bin " + bin + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void binnedFramesAreCroppedByAWholeFactorThatDividesBothSides() {
        assertEquals(2, AlignmentData.cropFactor(2048, 2048)); // Falcon 4, 4096² binned by 2
        assertEquals(2, AlignmentData.cropFactor(1920, 1364)); // K3, 5760 x 4092 binned by 3
        assertEquals(1, AlignmentData.cropFactor(1919, 1855)); // K2 binned by 2: odd width, no crop
        assertEquals(1, AlignmentData.cropFactor(1024, 1024));
        assertEquals(1, AlignmentData.cropFactor(1000, 600));
    }
}
