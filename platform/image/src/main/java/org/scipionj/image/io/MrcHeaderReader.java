package org.scipionj.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates the 1024-byte MRC2014 header of a {@code .mrc}, {@code .mrcs}, {@code .st} or
 * {@code .map} file. The byte order comes from the machine stamp at byte 212 ({@code 44 44} or
 * {@code 44 41} little-endian, {@code 11 11} big-endian); when the stamp is missing or contradicts
 * the header, the order under which nx, ny, nz and mode are plausible wins. Files without the
 * {@code "MAP "} word are accepted when their values are plausible (older writers omit it). The
 * reader also checks that the file is long enough for the data its header promises, so a
 * half-copied movie is caught. Stateless, so thread-safe.
 *
 * <pre>{@code
 * MrcHeader h = MrcHeaderReader.read(Path.of("movie.mrcs"));
 * int frames = h.nz();
 * double pixel = h.pixelSizeA(); // 0 when the header has none
 * }</pre>
 */
public final class MrcHeaderReader {

    /** Largest accepted size along any axis. */
    public static final int MAX_AXIS = 100_000;

    /** IMOD's stamp at byte 152; its flags at byte 156 say whether mode-0 bytes are signed (bit 0). */
    static final int IMOD_STAMP = 1146047817;

    private static final int OFF_NX = 0;
    private static final int OFF_MODE = 12;
    private static final int OFF_NXSTART = 16;
    private static final int OFF_MX = 28;
    private static final int OFF_CELLA = 40;
    private static final int OFF_MAPC = 64;
    private static final int OFF_DMIN = 76;
    private static final int OFF_ISPG = 88;
    private static final int OFF_NSYMBT = 92;
    private static final int OFF_EXTTYP = 104;
    private static final int OFF_NVERSION = 108;
    private static final int OFF_IMOD_STAMP = 152;
    private static final int OFF_IMOD_FLAGS = 156;
    private static final int OFF_ORIGIN = 196;
    private static final int OFF_MAP = 208;
    private static final int OFF_MACHST = 212;
    private static final int OFF_RMS = 216;
    private static final int OFF_NLABL = 220;
    private static final int OFF_LABELS = 224;

    private MrcHeaderReader() {
    }

    /**
     * Reads the header of {@code file}.
     *
     * @throws InvalidImageException if the file is too short, not an MRC, has an unknown mode or
     *         impossible dimensions, or is shorter than its header promises
     * @throws IOException if the file cannot be opened or read (missing, a folder, no permission)
     */
    public static MrcHeader read(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            return read(file, ch);
        }
    }

    /** Reads the header from an open channel on {@code file} (used by {@link MrcMovieReader}). */
    static MrcHeader read(Path file, FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MrcHeader.HEADER_BYTES);
        long size = ch.size();
        if (size < MrcHeader.HEADER_BYTES) {
            throw new InvalidImageException(file, InvalidImageException.Reason.TOO_SHORT,
                    file + " is only " + size + " bytes, shorter than the " + MrcHeader.HEADER_BYTES
                            + "-byte MRC header; the file may still be being written (wait and retry)"
                            + " or it is not an MRC file");
        }
        while (buf.hasRemaining()) {
            if (ch.read(buf, buf.position()) < 0) {
                throw new InvalidImageException(file, InvalidImageException.Reason.TOO_SHORT,
                        file + " ended after " + buf.position() + " bytes while reading its "
                                + MrcHeader.HEADER_BYTES + "-byte MRC header; the file may still be"
                                + " being written (wait and retry) or was cut short");
            }
        }
        buf.flip();
        return parse(file, buf, size);
    }

    /** Opens {@code file} for reading, with a clear error for a missing file or a folder. */
    static FileChannel open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                throw new FileSystemException(file.toString(), null, "not a regular file");
            }
            throw new NoSuchFileException(file.toString());
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Parses a header already in memory. {@code header} must hold at least 1024 bytes from its
     * position; {@code fileSize} is the full size of the file, used for the truncation check.
     *
     * @throws InvalidImageException as {@link #read(Path)}
     */
    public static MrcHeader parse(Path file, ByteBuffer header, long fileSize) throws InvalidImageException {
        ByteBuffer b = header.slice();
        if (b.remaining() < MrcHeader.HEADER_BYTES) {
            throw new InvalidImageException(file, InvalidImageException.Reason.TOO_SHORT,
                    file + " holds only " + b.remaining() + " header bytes; an MRC header needs "
                            + MrcHeader.HEADER_BYTES);
        }
        boolean hasMap = "MAP ".equals(ascii(b, OFF_MAP, 4));
        ByteOrder order = chooseOrder(b);
        b.order(order);
        int nx = b.getInt(OFF_NX);
        int ny = b.getInt(OFF_NX + 4);
        int nz = b.getInt(OFF_NX + 8);
        int mode = b.getInt(OFF_MODE);

        if (!hasMap && !plausible(b)) {
            throw new InvalidImageException(file, InvalidImageException.Reason.NOT_RECOGNISED,
                    file + " is not an MRC file: there is no 'MAP ' word at byte 208 and the header values"
                            + " are implausible in either byte order (nx=" + nx + ", ny=" + ny + ", nz=" + nz
                            + ", mode=" + mode + "); make the files pattern select only MRC movies,"
                            + " or exclude this file with the blacklist");
        }
        if (!axisOk(nx) || !axisOk(ny) || !axisOk(nz)) {
            throw new InvalidImageException(file, InvalidImageException.Reason.BAD_DIMENSIONS,
                    file + " has impossible dimensions " + nx + " x " + ny + " x " + nz
                            + " in its MRC header (each must be 1.." + MAX_AXIS + "); the header is corrupt"
                            + " or the file is not an MRC movie; replace the file or exclude it with the blacklist");
        }
        if (MrcMode.of(mode).isEmpty()) {
            throw new InvalidImageException(file, InvalidImageException.Reason.UNKNOWN_MODE,
                    file + " has unknown MRC mode " + mode + "; supported modes are " + MrcMode.acceptedCodes()
                            + "; convert the file (e.g. IMOD 'newstack -mode 2') or exclude it with the blacklist");
        }
        int nsymbt = b.getInt(OFF_NSYMBT);
        if (nsymbt < 0) {
            throw new InvalidImageException(file, InvalidImageException.Reason.BAD_HEADER,
                    file + " has a negative extended-header size (nsymbt=" + nsymbt + ") in its MRC header;"
                            + " the header is corrupt; replace the file or exclude it with the blacklist");
        }
        boolean imod = b.getInt(OFF_IMOD_STAMP) == IMOD_STAMP;
        boolean unsignedBytes = mode == 0 && imod && (b.getInt(OFF_IMOD_FLAGS) & 1) == 0;
        int stamp = (b.get(OFF_MACHST) & 0xff) << 24 | (b.get(OFF_MACHST + 1) & 0xff) << 16
                | (b.get(OFF_MACHST + 2) & 0xff) << 8 | (b.get(OFF_MACHST + 3) & 0xff);
        MrcHeader h = new MrcHeader(nx, ny, nz, mode,
                b.getInt(OFF_NXSTART), b.getInt(OFF_NXSTART + 4), b.getInt(OFF_NXSTART + 8),
                b.getInt(OFF_MX), b.getInt(OFF_MX + 4), b.getInt(OFF_MX + 8),
                b.getFloat(OFF_CELLA), b.getFloat(OFF_CELLA + 4), b.getFloat(OFF_CELLA + 8),
                b.getInt(OFF_MAPC), b.getInt(OFF_MAPC + 4), b.getInt(OFF_MAPC + 8),
                b.getFloat(OFF_DMIN), b.getFloat(OFF_DMIN + 4), b.getFloat(OFF_DMIN + 8),
                b.getInt(OFF_ISPG), nsymbt, ascii(b, OFF_EXTTYP, 4).replace('\0', ' ').strip(), b.getInt(OFF_NVERSION),
                b.getFloat(OFF_ORIGIN), b.getFloat(OFF_ORIGIN + 4), b.getFloat(OFF_ORIGIN + 8),
                labels(b), stamp, b.getFloat(OFF_RMS),
                order, hasMap, unsignedBytes);
        long expected = h.expectedFileBytes();
        if (fileSize < expected) {
            throw new InvalidImageException(file, InvalidImageException.Reason.TRUNCATED,
                    file + " has " + fileSize + " bytes but its header promises " + expected
                            + " (" + nx + " x " + ny + " x " + nz + ", mode " + mode + "); the file may still be"
                            + " being written or was cut short; wait for the transfer to finish (raise the file"
                            + " timeout) or copy the file again");
        }
        return h;
    }

    /** The labels in use: {@code nlabl} of them (clamped to 0..10), trailing blanks and NULs removed. */
    private static List<String> labels(ByteBuffer b) {
        int n = Math.max(0, Math.min(MrcHeader.MAX_LABELS, b.getInt(OFF_NLABL)));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ascii(b, OFF_LABELS + i * MrcHeader.LABEL_LENGTH, MrcHeader.LABEL_LENGTH)
                    .replace('\0', ' ').stripTrailing());
        }
        return out;
    }

    /** Byte order from the machine stamp, overridden by plausibility when the stamp is absent or wrong. */
    private static ByteOrder chooseOrder(ByteBuffer b) {
        int s0 = b.get(OFF_MACHST) & 0xff;
        int s1 = b.get(OFF_MACHST + 1) & 0xff;
        ByteOrder stamped = null;
        if (s0 == 0x44 && (s1 == 0x44 || s1 == 0x41)) {
            stamped = ByteOrder.LITTLE_ENDIAN;
        } else if (s0 == 0x11 && s1 == 0x11) {
            stamped = ByteOrder.BIG_ENDIAN;
        }
        ByteOrder first = stamped != null ? stamped : ByteOrder.LITTLE_ENDIAN;
        ByteOrder second = first == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (!plausible(b.order(first)) && plausible(b.order(second))) {
            return second;
        }
        return first;
    }

    /** Whether nx, ny, nz and mode make sense in the buffer's current byte order. */
    private static boolean plausible(ByteBuffer b) {
        return axisOk(b.getInt(OFF_NX)) && axisOk(b.getInt(OFF_NX + 4)) && axisOk(b.getInt(OFF_NX + 8))
                && MrcMode.of(b.getInt(OFF_MODE)).isPresent();
    }

    private static boolean axisOk(int n) {
        return n > 0 && n <= MAX_AXIS;
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = b.get(offset + i);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
