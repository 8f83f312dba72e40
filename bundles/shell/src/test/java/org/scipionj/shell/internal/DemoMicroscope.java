package org.scipionj.shell.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Stands in for a microscope in the demo: writes MRC movie stacks (float32, noise around a drifting pattern)
 * into a folder one after the other, each in several chunks over a fraction of a second, the way a detector's
 * files grow. Not thread-safe; run it on one thread.
 */
final class DemoMicroscope {

    private final Path folder;
    private final int size;
    private final int frames;
    private final double pixelSize;
    private final Random random = new Random(42);

    DemoMicroscope(Path folder, int size, int frames, double pixelSize) {
        this.folder = folder;
        this.size = size;
        this.frames = frames;
        this.pixelSize = pixelSize;
    }

    /** Writes movie number {@code index}, slowly, pausing {@code chunkPauseMillis} between frames. */
    Path writeMovie(int index, long chunkPauseMillis) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format("FoilHole_%04d_fractions.mrcs", index));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header());
            ByteBuffer frame = ByteBuffer.allocate(size * size * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int z = 0; z < frames; z++) {
                frame.clear();
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double pattern = Math.sin((x + z * 0.5) / 9.0) * Math.cos((y + z * 0.3) / 7.0);
                        frame.putFloat((float) (pattern + random.nextGaussian()));
                    }
                }
                out.write(frame.array());
                out.flush();
                if (chunkPauseMillis > 0) {
                    Thread.sleep(chunkPauseMillis);
                }
            }
        }
        return file;
    }

    private byte[] header() {
        ByteBuffer h = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, size).putInt(4, size).putInt(8, frames).putInt(12, 2);
        h.putInt(28, size).putInt(32, size).putInt(36, frames);
        h.putFloat(40, (float) (size * pixelSize)).putFloat(44, (float) (size * pixelSize)).putFloat(48, frames);
        h.putFloat(52, 90).putFloat(56, 90).putFloat(60, 90);
        h.putInt(64, 1).putInt(68, 2).putInt(72, 3);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
        h.put(212, (byte) 0x44).put(213, (byte) 0x44);
        h.putInt(220, 1);
        h.put(224, "Scipion-J demo microscope".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }
}
