package org.scipionj.image.io;

import java.util.Optional;

/**
 * The MRC2014 pixel modes, with their storage size. All of them are recognised in headers; the
 * complex modes 3 and 4 cannot be read or written as real {@link org.scipionj.image.Frame}s
 * ({@link #isReal()}). Immutable, so thread-safe.
 */
public enum MrcMode {
    /** Signed 8-bit integers (MRC2014); read unsigned when an IMOD header flags them so. */
    INT8(0, "int8", 1),
    /** Signed 16-bit integers. */
    INT16(1, "int16", 2),
    /** 32-bit IEEE floats. */
    FLOAT32(2, "float32", 4),
    /** Complex 16-bit integers (not readable as real frames). */
    COMPLEX_INT16(3, "complex int16", 4),
    /** Complex 32-bit floats (not readable as real frames). */
    COMPLEX_FLOAT32(4, "complex float32", 8),
    /** Unsigned 16-bit integers. */
    UINT16(6, "uint16", 2),
    /** 16-bit IEEE half floats. */
    FLOAT16(12, "float16", 2),
    /** Two unsigned 4-bit pixels per byte, the first pixel in the low nibble; each row starts on a byte boundary. */
    PACKED_4BIT(101, "4-bit packed", 0);

    private final int code;
    private final String label;
    private final int bytesPerPixel;

    MrcMode(int code, String label, int bytesPerPixel) {
        this.code = code;
        this.label = label;
        this.bytesPerPixel = bytesPerPixel;
    }

    /** The number stored in the header's MODE word. */
    public int code() {
        return code;
    }

    /** A short human name, e.g. {@code float16}. */
    public String label() {
        return label;
    }

    /** Bytes per pixel; 0 for {@link #PACKED_4BIT} (half a byte). */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Whether pixels are real numbers that a {@link org.scipionj.image.Frame} can hold (not complex). */
    public boolean isReal() {
        return this != COMPLEX_INT16 && this != COMPLEX_FLOAT32;
    }

    /** The smallest and largest value this mode stores; infinite for the float modes. */
    public double minValue() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16, COMPLEX_INT16 -> Short.MIN_VALUE;
            case UINT16, PACKED_4BIT -> 0;
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    /** See {@link #minValue()}. */
    public double maxValue() {
        return switch (this) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16, COMPLEX_INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case PACKED_4BIT -> 15;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** The mode with this header code, or empty if unknown. */
    public static Optional<MrcMode> of(int code) {
        for (MrcMode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The accepted codes, for error messages. */
    public static String acceptedCodes() {
        StringBuilder sb = new StringBuilder();
        for (MrcMode m : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(m.code).append(" (").append(m.label).append(')');
        }
        return sb.toString();
    }

    /** Bytes of one row of {@code nx} pixels. */
    public long rowBytes(long nx) {
        return this == PACKED_4BIT ? (nx + 1) / 2 : nx * bytesPerPixel;
    }

    /**
     * Bytes of pixel data for an {@code nx x ny x nz} image in this mode. Callers keep each axis at
     * most 100000, so the result cannot overflow a long.
     */
    public long dataBytes(long nx, long ny, long nz) {
        return rowBytes(nx) * ny * nz;
    }
}
