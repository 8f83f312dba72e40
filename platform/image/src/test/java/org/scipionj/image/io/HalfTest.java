package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scipionj.image.io.internal.Half;

class HalfTest {

    @Test
    void everyHalfRoundTripsThroughFloat() {
        for (int h = 0; h < 65536; h++) {
            float f = Half.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
            } else {
                assertEquals(h, Half.fromFloat(f) & 0xffff, "half 0x" + Integer.toHexString(h) + " = " + f);
            }
        }
    }

    @Test
    void knownValues() {
        assertEquals(1.0f, Half.toFloat((short) 0x3c00));
        assertEquals(-2.0f, Half.toFloat((short) 0xc000));
        assertEquals(65504f, Half.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xfc00));
    }

    @Test
    void roundsToNearestEven() {
        assertEquals(0x3c00, Half.fromFloat(1.0f + 0x1p-11f) & 0xffff); // tie, even stays
        assertEquals(0x3c02, Half.fromFloat(1.0f + 3 * 0x1p-11f) & 0xffff); // tie, odd rounds up
        assertEquals(0x3c01, Half.fromFloat(1.0f + 0x1p-11f + 0x1p-20f) & 0xffff);
        assertEquals(0x7bff, Half.fromFloat(65519f) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(65520f) & 0xffff);
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xffff); // tie with zero
        assertEquals(0x0001, Half.fromFloat(0x1.8p-25f) & 0xffff);
        assertEquals(0x0400, Half.fromFloat(0x1.ffcp-15f) & 0xffff); // subnormal rounds up to the smallest normal
    }
}
