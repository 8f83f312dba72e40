package org.scipionj.image.io.internal;

/**
 * IEEE 754 half-precision (binary16) conversions, as MRC mode 12 stores them (Java 17 has no
 * {@code Float.float16ToFloat}). Decoding uses a 65536-entry table. Stateless, so thread-safe.
 */
public final class Half {

    private static final float[] TO_FLOAT = new float[65536];

    static {
        for (int i = 0; i < 65536; i++) {
            TO_FLOAT[i] = decode(i);
        }
    }

    private Half() {
    }

    /** The float value of the half stored in the low 16 bits of {@code bits}. */
    public static float toFloat(short bits) {
        return TO_FLOAT[bits & 0xffff];
    }

    private static float decode(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // inf or NaN
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero)
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /**
     * The half nearest to {@code f} (ties to even), as 16 bits. Values beyond ±65504 become ±infinity,
     * NaN stays NaN.
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) { // inf or NaN
            return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
        }
        if (abs >= 0x477ff000) { // rounds to >= 65520: overflow to infinity
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below the smallest normal half (2^-14): subnormal or zero
            if (abs < 0x33000000) { // below half the smallest subnormal (2^-25): rounds to zero
                return (short) sign;
            }
            int exp = abs >>> 23;
            int mant = (abs & 0x7fffff) | 0x800000;
            int shift = 126 - exp; // 14..24 : mant * 2^(exp-150) / 2^-24 = mant >> (126 - exp)
            int half = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int exp = (abs >>> 23) - 112;
        int mant = abs & 0x7fffff;
        int half = (exp << 10) | (mant >>> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) != 0)) {
            half++; // may carry into the exponent, which is correct
        }
        return (short) (sign | half);
    }
}
