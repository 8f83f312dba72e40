package org.scipionj.image.io;

import java.nio.ByteOrder;
import java.util.List;

/**
 * The fields of an MRC2014 header. For a movie or an image stack, {@link #nz()} is the number of
 * frames. Built by {@link MrcHeaderReader} (which has already checked that the mode is known and the
 * dimensions are sane) and by {@link MrcWriter}. Data are stored as {@code nz} sections of
 * {@code ny} rows of {@code nx} columns; {@link #mapc()}/{@link #mapr()}/{@link #maps()} say which
 * axis each is, and readers return sections in file order without permuting them. Immutable, so
 * thread-safe.
 *
 * @param nx columns (frame width in pixels)
 * @param ny rows (frame height in pixels)
 * @param nz sections (frames of a movie, images of a stack)
 * @param mode pixel mode code (see {@link MrcMode})
 * @param nxStart first column's index in the unit cell (usually 0)
 * @param nyStart first row's index
 * @param nzStart first section's index
 * @param mx sampling along x (grid size that {@code cellX} spans)
 * @param my sampling along y
 * @param mz sampling along z (1 for image stacks)
 * @param cellX cell length along x, in Å
 * @param cellY cell length along y, in Å
 * @param cellZ cell length along z, in Å
 * @param mapc axis of the columns (1 = x, 2 = y, 3 = z)
 * @param mapr axis of the rows
 * @param maps axis of the sections
 * @param dmin minimum pixel value, as the header states it
 * @param dmax maximum pixel value ({@code dmax < dmin} means undetermined)
 * @param dmean mean pixel value
 * @param ispg space group: 0 for images and image stacks, 1 for a single volume
 * @param nsymbt bytes of extended header that follow the 1024-byte header
 * @param exttyp extended-header type, e.g. {@code FEI1} (empty when unset)
 * @param nversion format version, 20140 for MRC2014
 * @param originX origin along x, in Å
 * @param originY origin along y, in Å
 * @param originZ origin along z, in Å
 * @param labels the text labels in use (at most 10, 80 characters each), trailing blanks removed
 * @param machineStamp the 4 machine-stamp bytes, the first one most significant (e.g.
 *        {@code 0x44440000} little-endian, {@code 0x11110000} big-endian, 0 when absent)
 * @param rms RMS deviation of the pixel values from their mean (negative: undetermined)
 * @param byteOrder byte order the header and data are stored in
 * @param hasMapWord whether the {@code "MAP "} signature is present at byte 208
 * @param unsignedBytes whether mode-0 data are unsigned bytes (older IMOD files say so in their
 *        flags); MRC2014 mode 0 is signed
 */
public record MrcHeader(int nx, int ny, int nz, int mode,
                        int nxStart, int nyStart, int nzStart,
                        int mx, int my, int mz,
                        float cellX, float cellY, float cellZ,
                        int mapc, int mapr, int maps,
                        float dmin, float dmax, float dmean,
                        int ispg, int nsymbt, String exttyp, int nversion,
                        float originX, float originY, float originZ,
                        List<String> labels, int machineStamp, float rms,
                        ByteOrder byteOrder, boolean hasMapWord, boolean unsignedBytes) {

    /** Size of the fixed MRC header, in bytes. */
    public static final int HEADER_BYTES = 1024;

    /** Most labels a header holds. */
    public static final int MAX_LABELS = 10;

    /** Characters per label. */
    public static final int LABEL_LENGTH = 80;

    /** Copies the label list so the record stays immutable. */
    public MrcHeader {
        labels = List.copyOf(labels);
        exttyp = exttyp == null ? "" : exttyp;
    }

    /** Pixel size in Å: {@code cellX / mx} when both are positive, else 0 (unknown). */
    public double pixelSizeA() {
        if (mx > 0 && cellX > 0 && Float.isFinite(cellX)) {
            return (double) cellX / mx;
        }
        return 0.0;
    }

    /** The pixel mode; the reader has checked that the code is known. */
    public MrcMode pixelMode() {
        return MrcMode.of(mode).orElseThrow(() -> new IllegalStateException("unknown MRC mode " + mode));
    }

    /** Offset of the first data byte: the fixed header plus the extended header. */
    public long dataOffset() {
        return HEADER_BYTES + (long) nsymbt;
    }

    /** Bytes of one section (frame). */
    public long frameBytes() {
        return pixelMode().dataBytes(nx, ny, 1);
    }

    /** Bytes of pixel data the header promises for its dimensions and mode. */
    public long expectedDataBytes() {
        return pixelMode().dataBytes(nx, ny, nz);
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
