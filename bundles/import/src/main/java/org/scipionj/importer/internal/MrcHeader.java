package org.scipionj.importer.internal;

import java.nio.ByteOrder;

/**
 * The fields of an MRC2014 header that the importer needs. For a movie, {@link #nz()} is the number
 * of frames. Built by {@link MrcHeaderReader}, which has already checked that the mode is known and
 * the dimensions are sane. Immutable, so thread-safe.
 *
 * @param nx columns (frame width in pixels)
 * @param ny rows (frame height in pixels)
 * @param nz sections (frames of a movie, images of a stack)
 * @param mode pixel mode code (see {@link MrcMode})
 * @param mx sampling along x (grid size that {@code cellX} spans)
 * @param my sampling along y
 * @param mz sampling along z
 * @param cellX cell length along x, in Å
 * @param cellY cell length along y, in Å
 * @param cellZ cell length along z, in Å
 * @param nsymbt bytes of extended header that follow the 1024-byte header
 * @param byteOrder byte order the header (and data) are stored in
 * @param hasMapWord whether the {@code "MAP "} signature is present at byte 208
 */
public record MrcHeader(int nx, int ny, int nz, int mode, int mx, int my, int mz,
                        float cellX, float cellY, float cellZ, int nsymbt,
                        ByteOrder byteOrder, boolean hasMapWord) {

    /** Size of the fixed MRC header, in bytes. */
    public static final int HEADER_BYTES = 1024;

    /** Pixel size in Å: {@code cellX / mx} when both are positive, else 0 (unknown). */
    public double pixelSizeA() {
        if (mx > 0 && cellX > 0 && Float.isFinite(cellX)) {
            return (double) cellX / mx;
        }
        return 0.0;
    }

    /** Offset of the first data byte: the fixed header plus the extended header. */
    public long dataOffset() {
        return HEADER_BYTES + (long) nsymbt;
    }

    /** Bytes of pixel data the header promises for its dimensions and mode. */
    public long expectedDataBytes() {
        return MrcMode.of(mode)
                .orElseThrow(() -> new IllegalStateException("unknown MRC mode " + mode))
                .dataBytes(nx, ny, nz);
    }

    /** The smallest file size that holds the whole header and data. */
    public long expectedFileBytes() {
        return dataOffset() + expectedDataBytes();
    }

    /** The number of frames of a movie (same as {@link #nz()}). */
    public int frames() {
        return nz;
    }
}
