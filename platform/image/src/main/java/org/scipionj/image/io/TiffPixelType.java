package org.scipionj.image.io;

/**
 * How a single-sample TIFF stores one pixel: bits per sample and sample format (1 unsigned,
 * 2 signed, 3 IEEE float). All are read; {@link #writable()} says which {@link TiffWriter} writes.
 * Immutable, so thread-safe.
 */
public enum TiffPixelType {
    UINT8(8, 1, true),
    INT8(8, 2, false),
    UINT16(16, 1, true),
    INT16(16, 2, true),
    UINT32(32, 1, true),
    INT32(32, 2, false),
    FLOAT32(32, 3, false);

    private final int bits;
    private final int sampleFormat;
    private final boolean writable;

    TiffPixelType(int bits, int sampleFormat, boolean writable) {
        this.bits = bits;
        this.sampleFormat = sampleFormat;
        this.writable = writable;
    }

    /** Bits per sample (TIFF tag 258). */
    public int bits() {
        return bits;
    }

    /** TIFF SampleFormat (tag 339): 1 unsigned integer, 2 signed integer, 3 IEEE float. */
    public int sampleFormat() {
        return sampleFormat;
    }

    /**
     * Whether {@link TiffWriter} can write this type. The TIFF library used (TwelveMonkeys ImageIO)
     * writes unsigned 8/16/32-bit and signed 16-bit samples, not float or signed 8/32-bit; write
     * such data as MRC instead.
     */
    public boolean writable() {
        return writable;
    }

    /** The smallest value the type stores (as a double). */
    public double minValue() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32 -> Double.NEGATIVE_INFINITY;
            default -> 0;
        };
    }

    /** The largest value the type stores (as a double). */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case UINT16 -> 65535;
            case INT16 -> Short.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT32 -> Integer.MAX_VALUE;
            case FLOAT32 -> Double.POSITIVE_INFINITY;
        };
    }

    /** The type for these tag values, or null if none (e.g. 12-bit or 64-bit samples, float16). */
    public static TiffPixelType of(int bits, int sampleFormat) {
        int format = sampleFormat == 4 || sampleFormat == 0 ? 1 : sampleFormat; // 4 = undefined: unsigned
        for (TiffPixelType t : values()) {
            if (t.bits == bits && t.sampleFormat == format) {
                return t;
            }
        }
        return null;
    }
}
