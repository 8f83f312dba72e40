package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;

class RealSpaceTest {

    private static Frame ramp(int w, int h) {
        Frame f = new Frame(w, h);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] = i;
        }
        return f;
    }

    @Test
    void cropTakesTheRegion() {
        Frame f = ramp(5, 4);
        Frame c = RealSpace.crop(f, 1, 2, 3, 2);
        assertArrayEquals(new float[] {11, 12, 13, 16, 17, 18}, c.data());
        assertThrows(IllegalArgumentException.class, () -> RealSpace.crop(f, 3, 0, 3, 2));
    }

    @Test
    void centredCropAndPadKeepTheCentrePixel() {
        Frame f = ramp(6, 5);
        Frame c = RealSpace.cropCentre(f, 3, 3);
        assertEquals(f.get(3, 2), c.get(1, 1)); // centre (w/2, h/2) stays the centre
        Frame p = RealSpace.pad(f, 9, 8, -1f);
        assertEquals(f.get(3, 2), p.get(4, 4));
        assertEquals(-1f, p.get(0, 0));
        assertEquals(f.get(0, 0), p.get(1, 2));
        Frame back = RealSpace.cropCentre(p, 6, 5);
        assertArrayEquals(f.data(), back.data());
        assertThrows(IllegalArgumentException.class, () -> RealSpace.pad(f, 5, 8, 0));
    }

    @Test
    void binningAveragesBlocksAndDropsTheRemainder() {
        Frame f = ramp(5, 4);
        Frame b = RealSpace.bin(f, 2);
        assertEquals(2, b.width());
        assertEquals(2, b.height());
        assertArrayEquals(new float[] {3, 5, 13, 15}, b.data()); // (0+1+5+6)/4 = 3 ...
        assertArrayEquals(f.data(), RealSpace.bin(f, 1).data());
        assertThrows(IllegalArgumentException.class, () -> RealSpace.bin(f, 0));
    }

    @Test
    void framesAccumulate() {
        Frame a = ramp(3, 2);
        Frame sum = FrameMath.sum(List.of(a, a, a));
        assertArrayEquals(new float[] {0, 3, 6, 9, 12, 15}, sum.data());
        FrameMath.addScaled(sum, a, -2);
        FrameMath.scale(sum, 0.5f);
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f}, sum.data());
        assertThrows(IllegalArgumentException.class, () -> FrameMath.add(sum, new Frame(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> FrameMath.sum(List.of()));
    }
}
