package org.scipionj.importer.internal;

import java.util.Optional;

/**
 * The MRC2014 pixel modes this importer understands, with their storage size. Immutable, so
 * thread-safe.
 */
public enum MrcMode {
    INT8(0, "int8", 1),
    INT16(1, "int16", 2),
    FLOAT32(2, "float32", 4),
    COMPLEX_INT16(3, "complex int16", 4),
    COMPLEX_FLOAT32(4, "complex float32", 8),
    UINT16(6, "uint16", 2),
    FLOAT16(12, "float16", 2),
    /** Two 4-bit pixels per byte; each row starts on a byte boundary. */
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

    /**
     * Bytes of pixel data for an {@code nx x ny x nz} image in this mode. Callers keep each axis at
     * most 100000, so the result cannot overflow a long.
     */
    public long dataBytes(long nx, long ny, long nz) {
        if (this == PACKED_4BIT) {
            return ((nx + 1) / 2) * ny * nz;
        }
        return nx * ny * nz * bytesPerPixel;
    }
}
