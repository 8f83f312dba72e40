package org.scipionj.image.io.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.scipionj.image.io.MrcMode;

/**
 * Converts MRC pixel data between its stored form (any real {@link MrcMode}, either byte order) and
 * floats. Works chunk by chunk with small scratch arrays, so decoding a frame allocates little.
 * Stateless, so thread-safe.
 */
public final class MrcPixels {

    /** Pixels converted per chunk. */
    private static final int CHUNK = 1 << 15;

    private MrcPixels() {
    }

    /**
     * Decodes one {@code nx x ny} frame from {@code src} (positioned at its first byte, in the file's
     * byte order) into {@code dst[0 .. nx*ny)}. {@code src}'s position is advanced past the frame.
     */
    public static void decode(ByteBuffer src, MrcMode mode, boolean unsignedBytes, int nx, int ny, float[] dst) {
        int n = nx * ny;
        switch (mode) {
            case FLOAT32 -> {
                src.asFloatBuffer().get(dst, 0, n);
                src.position(src.position() + 4 * n);
            }
            case INT16, UINT16, FLOAT16 -> decodeShorts(src, mode, n, dst);
            case INT8 -> {
                byte[] tmp = new byte[Math.min(CHUNK, n)];
                for (int off = 0; off < n; off += tmp.length) {
                    int len = Math.min(tmp.length, n - off);
                    src.get(tmp, 0, len);
                    if (unsignedBytes) {
                        for (int i = 0; i < len; i++) {
                            dst[off + i] = tmp[i] & 0xff;
                        }
                    } else {
                        for (int i = 0; i < len; i++) {
                            dst[off + i] = tmp[i];
                        }
                    }
                }
            }
            case PACKED_4BIT -> {
                byte[] row = new byte[(nx + 1) / 2];
                for (int y = 0; y < ny; y++) {
                    src.get(row);
                    int base = y * nx;
                    for (int x = 0; x < nx; x++) {
                        int b = row[x >> 1];
                        dst[base + x] = (x & 1) == 0 ? b & 0x0f : (b >> 4) & 0x0f;
                    }
                }
            }
            default -> throw new IllegalArgumentException("MRC mode " + mode.code() + " (" + mode.label()
                    + ") is not real-valued and cannot be decoded into a frame");
        }
    }

    private static void decodeShorts(ByteBuffer src, MrcMode mode, int n, float[] dst) {
        java.nio.ShortBuffer s = src.asShortBuffer();
        short[] tmp = new short[Math.min(CHUNK, n)];
        for (int off = 0; off < n; off += tmp.length) {
            int len = Math.min(tmp.length, n - off);
            s.get(tmp, 0, len);
            switch (mode) {
                case INT16 -> {
                    for (int i = 0; i < len; i++) {
                        dst[off + i] = tmp[i];
                    }
                }
                case UINT16 -> {
                    for (int i = 0; i < len; i++) {
                        dst[off + i] = tmp[i] & 0xffff;
                    }
                }
                default -> {
                    for (int i = 0; i < len; i++) {
                        dst[off + i] = Half.toFloat(tmp[i]);
                    }
                }
            }
        }
        src.position(src.position() + 2 * n);
    }

    /**
     * Encodes one {@code nx x ny} frame: converts each value to {@code mode} (integers rounded to
     * nearest and clamped to the mode's range, NaN stored as 0; floats to float16 rounded to nearest
     * even) and hands the bytes to {@code sink} in chunks, in {@code order}. Feeds the stored values
     * into {@code stats}.
     *
     * @return the number of values that were clamped or were NaN in an integer mode
     */
    public static long encode(float[] src, int nx, int ny, MrcMode mode, ByteOrder order, ChunkSink sink,
                              RunningStats stats) throws java.io.IOException {
        long clipped = 0;
        int n = nx * ny;
        if (mode == MrcMode.PACKED_4BIT) {
            int rowBytes = (nx + 1) / 2;
            int rowsPerChunk = Math.max(1, CHUNK / rowBytes);
            ByteBuffer buf = ByteBuffer.allocate(rowsPerChunk * rowBytes);
            float[] stored = new float[nx];
            for (int y0 = 0; y0 < ny; y0 += rowsPerChunk) {
                buf.clear();
                int rows = Math.min(rowsPerChunk, ny - y0);
                for (int y = y0; y < y0 + rows; y++) {
                    for (int x = 0; x < nx; x++) {
                        float v = src[y * nx + x];
                        int q = quantise(v, 0, 15);
                        if (v != v || v < -0.5f || v > 15.5f) {
                            clipped++;
                        }
                        stored[x] = q;
                    }
                    for (int x = 0; x < nx; x += 2) {
                        int lo = (int) stored[x];
                        int hi = x + 1 < nx ? (int) stored[x + 1] : 0;
                        buf.put((byte) (lo | (hi << 4)));
                    }
                    stats.add(stored, 0, nx);
                }
                buf.flip();
                sink.write(buf);
            }
            return clipped;
        }
        int bpp = mode.bytesPerPixel();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * bpp).order(order);
        float[] stored = new float[Math.min(CHUNK, n)];
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            buf.clear();
            switch (mode) {
                case FLOAT32 -> {
                    buf.asFloatBuffer().put(src, off, len);
                    buf.position(4 * len);
                    System.arraycopy(src, off, stored, 0, len);
                }
                case FLOAT16 -> {
                    for (int i = 0; i < len; i++) {
                        short h = Half.fromFloat(src[off + i]);
                        buf.putShort(h);
                        stored[i] = Half.toFloat(h);
                    }
                }
                case INT16, UINT16, INT8 -> {
                    int lo = (int) mode.minValue();
                    int hi = (int) mode.maxValue();
                    for (int i = 0; i < len; i++) {
                        float v = src[off + i];
                        int q = quantise(v, lo, hi);
                        if (v != v || v < lo - 0.5f || v > hi + 0.5f) {
                            clipped++;
                        }
                        if (mode == MrcMode.INT8) {
                            buf.put((byte) q);
                        } else {
                            buf.putShort((short) q);
                        }
                        stored[i] = q;
                    }
                }
                default -> throw new IllegalArgumentException("MRC mode " + mode.code() + " (" + mode.label()
                        + ") cannot be written from real frames; use mode 2 (float32)");
            }
            stats.add(stored, 0, len);
            buf.flip();
            sink.write(buf);
        }
        return clipped;
    }

    /** {@code v} rounded to the nearest integer (ties to even) and clamped to {@code lo..hi}; NaN gives 0. */
    static int quantise(float v, int lo, int hi) {
        if (v != v) {
            return Math.max(lo, Math.min(hi, 0));
        }
        double r = Math.rint(v);
        return r < lo ? lo : r > hi ? hi : (int) r;
    }

    /** Receives encoded bytes; must consume the buffer's remaining bytes. */
    @FunctionalInterface
    public interface ChunkSink {
        void write(ByteBuffer bytes) throws java.io.IOException;
    }
}
