package org.example.powerspectrum;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the first section of an MRC file (modes 0, 1, 2, 6) into a float array. Just enough for this example;
 * a plugin may also embed a library of its own. Immutable.
 */
record MrcImage(int width, int height, float[] pixels) {

    static MrcImage read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(1024);
            while (header.hasRemaining() && ch.read(header) >= 0) {
                // NB: read the whole header
            }
            header.flip();
            header.order(ByteOrder.LITTLE_ENDIAN);
            if (header.limit() < 1024) {
                throw new IOException(file + " is shorter than an MRC header");
            }
            if ((header.get(212) & 0xF0) == 0x10) {
                header.order(ByteOrder.BIG_ENDIAN);
            }
            int nx = header.getInt(0);
            int ny = header.getInt(4);
            int mode = header.getInt(12);
            int ext = header.getInt(92);
            int bytes = switch (mode) {
                case 0 -> 1;
                case 1, 6 -> 2;
                case 2 -> 4;
                default -> throw new IOException(file + ": MRC mode " + mode + " is not supported (0, 1, 2, 6 are)");
            };
            if (nx <= 0 || ny <= 0) {
                throw new IOException(file + ": invalid MRC size " + nx + " x " + ny);
            }
            ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(nx * ny, bytes)).order(header.order());
            ch.position(1024L + Math.max(0, ext));
            while (data.hasRemaining()) {
                if (ch.read(data) < 0) {
                    throw new IOException(file + " is truncated (expected " + nx + " x " + ny + " pixels of mode " + mode + ")");
                }
            }
            data.flip();
            float[] px = new float[nx * ny];
            for (int i = 0; i < px.length; i++) {
                px[i] = switch (mode) {
                    case 0 -> data.get();
                    case 1 -> data.getShort();
                    case 6 -> data.getShort() & 0xFFFF;
                    default -> data.getFloat();
                };
            }
            return new MrcImage(nx, ny, px);
        }
    }
}
