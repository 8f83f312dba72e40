package org.scipionj.image.io.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the strips of one single-sample TIFF page straight into floats: uncompressed, LZW (TIFF
 * 6.0, MSB-first codes) or deflate, with no predictor or horizontal differencing, 8/16/32-bit
 * integers or 32-bit floats. This is the fast path of the TIFF reader: the TwelveMonkeys reader
 * copies decoded pixels one by one through AWT rasters (about 70 ns a pixel), which made a
 * 4096x4096 movie frame cost a second. Other layouts (tiles, PackBits, the floating-point
 * predictor, old-style LZW) go to the library ({@link NeedsLibrary}). Stateless, so thread-safe;
 * each call allocates its own buffers.
 */
public final class TiffStrips {

    private static final int LZW_CLEAR = 256;
    private static final int LZW_EOI = 257;

    private TiffStrips() {
    }

    /** The page layout needs the general library reader. */
    public static final class NeedsLibrary extends Exception {
        private static final long serialVersionUID = 1L;

        NeedsLibrary(String why) {
            super(why, null, false, false);
        }
    }

    /** The data contradict the directory or cannot be decompressed; the message says how. */
    public static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String what) {
            super(what);
        }
    }

    /** Whether this decoder handles pages with this compression code, predictor and sample layout. */
    public static boolean handles(int compression, int predictor, int bits, int sampleFormat) {
        boolean codec = compression == 1 || compression == 5 || compression == 8 || compression == 32946;
        boolean pred = predictor == 1 || (predictor == 2 && sampleFormat != 3);
        return codec && pred && (bits == 8 || bits == 16 || bits == 32);
    }

    /**
     * Decodes one page into {@code into[0 .. width*height)}.
     *
     * @param sampleFormat 1 unsigned, 2 signed, 3 float
     */
    public static void decode(FileChannel ch, long[] offsets, long[] counts, int rowsPerStrip, int width, int height,
                              int bits, int sampleFormat, int compression, int predictor, ByteOrder order,
                              float[] into) throws IOException, Corrupt, NeedsLibrary {
        int bps = bits / 8;
        int rowBytes = width * bps;
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        if (offsets.length < strips) {
            throw new Corrupt("the page has " + offsets.length + " strips but " + height + " rows of "
                    + rowsPerStrip + " per strip need " + strips);
        }
        Inflater inflater = compression == 8 || compression == 32946 ? new Inflater() : null;
        try {
            byte[] raw = null;
            byte[] plain = null;
            for (int s = 0; s < strips; s++) {
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                int expected = rows * rowBytes;
                int n = (int) counts[s];
                if (raw == null || raw.length < n) {
                    raw = new byte[n];
                }
                readFully(ch, ByteBuffer.wrap(raw, 0, n), offsets[s]);
                byte[] data;
                switch (compression) {
                    case 1 -> {
                        if (n < expected) {
                            throw new Corrupt("strip " + s + " holds " + n + " bytes but " + rows + " rows need " + expected);
                        }
                        data = raw;
                    }
                    case 5 -> {
                        if (n >= 2 && raw[0] == 0 && (raw[1] & 1) != 0) {
                            throw new NeedsLibrary("old-style (pre-TIFF 6.0) LZW");
                        }
                        if (plain == null || plain.length < expected + 4097) {
                            plain = new byte[expected + 4097]; // NB: slack for the last string
                        }
                        int got = lzw(raw, n, plain, expected);
                        if (got < expected) {
                            throw new Corrupt("LZW strip " + s + " decodes to " + got + " bytes but " + rows
                                    + " rows need " + expected);
                        }
                        data = plain;
                    }
                    default -> {
                        if (plain == null || plain.length < expected) {
                            plain = new byte[expected];
                        }
                        inflater.reset();
                        inflater.setInput(raw, 0, n);
                        int got = 0;
                        try {
                            while (got < expected && !inflater.finished() && !inflater.needsInput()) {
                                got += inflater.inflate(plain, got, expected - got);
                            }
                        } catch (DataFormatException e) {
                            throw new Corrupt("deflate strip " + s + " is corrupt: " + e.getMessage());
                        }
                        if (got < expected) {
                            throw new Corrupt("deflate strip " + s + " inflates to " + got + " bytes but " + rows
                                    + " rows need " + expected);
                        }
                        data = plain;
                    }
                }
                toFloats(data, order, rows, width, bits, sampleFormat, predictor == 2, into, s * rowsPerStrip * width);
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException, Corrupt {
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new Corrupt("the file ends at byte " + (position + b.position()) + " inside a strip");
            }
        }
    }

    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Copies an earlier string forward in {@code b} (source ends before the target starts). */
    private static void copy(byte[] b, int from, int to, int len) {
        if (len <= 16) { // NB: LZW strings of noisy counts are short; a loop beats arraycopy's set-up cost
            for (int k = 0; k < len; k++) {
                b[to + k] = b[from + k];
            }
        } else {
            System.arraycopy(b, from, b, to, len);
        }
    }

    // NB: the VarHandles must be read from the static final fields at each use, so the JIT treats them
    // as constants; a VarHandle held in a local variable is not inlined and costs ~10x.
    private static short s16(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? (short) SHORT_BE.get(b, i) : (short) SHORT_LE.get(b, i);
    }

    private static int s32(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, i) : (int) INT_LE.get(b, i);
    }

    /**
     * Converts {@code rows} rows of samples from {@code src} (in {@code order}), undoing horizontal
     * differencing if asked, to floats at {@code dst[dstOff..]}.
     */
    static void toFloats(byte[] src, ByteOrder order, int rows, int width, int bits, int sampleFormat,
                         boolean differenced, float[] dst, int dstOff) {
        boolean be = order == ByteOrder.BIG_ENDIAN;
        switch (bits) {
            case 8 -> {
                for (int y = 0; y < rows; y++) {
                    int o = dstOff + y * width;
                    int base = y * width;
                    int acc = 0;
                    for (int x = 0; x < width; x++) {
                        int v = src[base + x];
                        acc = differenced ? acc + v : v;
                        dst[o + x] = sampleFormat == 2 ? (byte) acc : acc & 0xff;
                    }
                }
            }
            case 16 -> {
                boolean signed = sampleFormat == 2;
                for (int y = 0; y < rows; y++) {
                    int o = dstOff + y * width;
                    int base = 2 * y * width;
                    if (differenced) {
                        short acc = 0;
                        for (int x = 0; x < width; x++) {
                            acc += s16(src, base + 2 * x, be);
                            dst[o + x] = signed ? acc : acc & 0xffff;
                        }
                    } else if (signed) {
                        for (int x = 0; x < width; x++) {
                            dst[o + x] = s16(src, base + 2 * x, be);
                        }
                    } else {
                        for (int x = 0; x < width; x++) {
                            dst[o + x] = s16(src, base + 2 * x, be) & 0xffff;
                        }
                    }
                }
            }
            default -> {
                for (int y = 0; y < rows; y++) {
                    int o = dstOff + y * width;
                    int base = 4 * y * width;
                    int acc = 0;
                    for (int x = 0; x < width; x++) {
                        int v = s32(src, base + 4 * x, be);
                        acc = differenced ? acc + v : v;
                        dst[o + x] = switch (sampleFormat) {
                            case 3 -> Float.intBitsToFloat(acc);
                            case 2 -> acc;
                            default -> acc & 0xffffffffL;
                        };
                    }
                }
            }
        }
    }

    /**
     * TIFF LZW: 9- to 12-bit codes, most significant bit first, code width growing one code early
     * (at 511, 1023, 2047). Decodes until end-of-information, the end of input or {@code want} bytes.
     * NB: every table entry is a string already written to {@code out} (the previous code's string
     * plus one byte, contiguous there), so it is kept as a position and length and copied with
     * {@code System.arraycopy} instead of walking a prefix chain.
     *
     * @param out must hold {@code want + 4097} bytes
     * @return the number of bytes decoded (at most {@code want})
     */
    static int lzw(byte[] in, int inLen, byte[] out, int want) throws Corrupt {
        int[] pos = new int[4096];
        int[] length = new int[4096];
        java.util.Arrays.fill(length, 0, 256, 1);
        int inPos = 0;
        long buf = 0;
        int bits = 0;
        int codeLen = 9;
        int next = 258;
        int old = -1;
        int oldPos = 0;
        int outPos = 0;
        while (outPos < want) {
            while (bits < codeLen) {
                if (inPos >= inLen) {
                    return Math.min(outPos, want); // NB: some writers omit the end-of-information code
                }
                buf = (buf << 8) | (in[inPos++] & 0xff);
                bits += 8;
            }
            int code = (int) (buf >>> (bits - codeLen)) & ((1 << codeLen) - 1);
            bits -= codeLen;
            if (code == LZW_EOI) {
                break;
            }
            if (code == LZW_CLEAR) {
                codeLen = 9;
                next = 258;
                old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) {
                    throw new Corrupt("LZW code " + code + " right after a clear code");
                }
                out[outPos] = (byte) code;
                old = code;
                oldPos = outPos++;
                continue;
            }
            int len;
            if (code < 256) {
                out[outPos] = (byte) code;
                len = 1;
            } else if (code < next) {
                len = length[code];
                copy(out, pos[code], outPos, len);
            } else if (code == next) {
                int lo = length[old];
                if (old < 256) {
                    out[outPos] = (byte) old;
                } else {
                    copy(out, pos[old], outPos, lo);
                }
                out[outPos + lo] = out[outPos];
                len = lo + 1;
            } else {
                throw new Corrupt("LZW code " + code + " is beyond the table (" + next + " entries)");
            }
            if (next < 4096) {
                pos[next] = oldPos;
                length[next] = length[old] + 1;
                next++;
                if (next >= (1 << codeLen) - 1 && codeLen < 12) {
                    codeLen++;
                }
            }
            old = code;
            oldPos = outPos;
            outPos += len;
        }
        return Math.min(outPos, want);
    }
}
