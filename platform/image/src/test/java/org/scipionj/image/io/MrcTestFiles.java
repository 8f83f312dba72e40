package org.scipionj.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small synthetic MRC files for tests. Not thread-safe (a mutable builder). */
final class MrcTestFiles {

    int nx = 8;
    int ny = 6;
    int nz = 3;
    int mode = 2;
    int mx = -1; // -1: same as nx/ny/nz
    int my = -1;
    int mz = -1;
    float cellX = Float.NaN; // NaN: nx * 1.5 Å
    float cellY = Float.NaN;
    float cellZ = Float.NaN;
    int nsymbt = 0;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    boolean mapWord = true;
    boolean stamp = true;
    long dataBytes = -1; // -1: exactly what the header promises

    MrcTestFiles dims(int x, int y, int z) {
        nx = x;
        ny = y;
        nz = z;
        return this;
    }

    MrcTestFiles mode(int m) {
        mode = m;
        return this;
    }

    MrcTestFiles order(ByteOrder o) {
        order = o;
        return this;
    }

    /** The 1024-byte header. */
    byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(1024).order(order);
        b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
        b.putInt(28, mx < 0 ? nx : mx).putInt(32, my < 0 ? ny : my).putInt(36, mz < 0 ? nz : mz);
        b.putFloat(40, Float.isNaN(cellX) ? nx * 1.5f : cellX);
        b.putFloat(44, Float.isNaN(cellY) ? ny * 1.5f : cellY);
        b.putFloat(48, Float.isNaN(cellZ) ? nz * 1.5f : cellZ);
        b.putInt(52, 1).putInt(56, 2).putInt(60, 3); // mapc/r/s
        b.putInt(92, nsymbt);
        b.putInt(108, 20140);
        if (mapWord) {
            b.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
        }
        if (stamp) {
            if (order == ByteOrder.LITTLE_ENDIAN) {
                b.put(212, (byte) 0x44).put(213, (byte) 0x44);
            } else {
                b.put(212, (byte) 0x11).put(213, (byte) 0x11);
            }
        }
        return b.array();
    }

    /** Bytes of data the header promises. */
    long promisedDataBytes() {
        long perPixelRow = switch (mode) {
            case 0 -> nx;
            case 1, 6, 12 -> 2L * nx;
            case 2, 3 -> 4L * nx;
            case 4 -> 8L * nx;
            case 101 -> (nx + 1) / 2;
            default -> throw new IllegalArgumentException("mode " + mode);
        };
        return perPixelRow * ny * nz;
    }

    /** Writes header, extended header and data (zeros) to {@code file}. */
    Path write(Path file) throws IOException {
        long data = dataBytes >= 0 ? dataBytes : promisedDataBytes();
        byte[] all = new byte[Math.toIntExact(1024 + nsymbt + data)];
        System.arraycopy(header(), 0, all, 0, 1024);
        Files.write(file, all);
        return file;
    }
}
