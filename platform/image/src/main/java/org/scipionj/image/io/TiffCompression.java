package org.scipionj.image.io;

/**
 * The TIFF compressions this package reads (all) and writes ({@link #NONE}, {@link #LZW},
 * {@link #DEFLATE}). K2 and K3 movies are usually LZW; deflate is also common. Immutable, so thread-safe.
 */
public enum TiffCompression {
    /** No compression (code 1). */
    NONE(1, "None"),
    /** LZW (code 5). Written with horizontal-differencing predictor. */
    LZW(5, "LZW"),
    /** Deflate/zlib, Adobe style (code 8). Written with horizontal-differencing predictor. */
    DEFLATE(8, "ZLib"),
    /** Deflate, old PKZIP-style code 32946 (read only). */
    DEFLATE_OLD(32946, "Deflate"),
    /** PackBits run-length (code 32773; read only). */
    PACKBITS(32773, "PackBits");

    private final int code;
    private final String libraryName;

    TiffCompression(int code, String libraryName) {
        this.code = code;
        this.libraryName = libraryName;
    }

    /** TIFF tag 259 value. */
    public int code() {
        return code;
    }

    /** Whether {@link TiffWriter} writes this compression. */
    public boolean writable() {
        return this == NONE || this == LZW || this == DEFLATE;
    }

    /** The compression type name the TIFF library's write parameters use. */
    String libraryName() {
        return libraryName;
    }

    /** The compression with this tag value, or null if it is not supported (e.g. JPEG). */
    public static TiffCompression of(int code) {
        for (TiffCompression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
