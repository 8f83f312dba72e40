package org.scipionj.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small MRC movie stacks for integration tests, at once or slowly (frame by frame). */
final class TestMovies {

    private TestMovies() {
    }

    /** Writes an {@code n x n x frames} float32 movie, pausing {@code pauseMillis} after each frame. */
    static Path write(Path file, int n, int frames, long pauseMillis) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        ByteBuffer h = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, n).putInt(4, n).putInt(8, frames).putInt(12, 2).putInt(28, n).putInt(32, n).putInt(36, frames);
        h.putFloat(40, n * 1.1f).putFloat(44, n * 1.1f).putFloat(48, frames);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII)).put(212, (byte) 0x44).put(213, (byte) 0x44);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            byte[] frame = new byte[n * n * 4];
            for (int z = 0; z < frames; z++) {
                out.write(frame);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
        return file;
    }

    static String workflow(Path data, String pattern, int fileTimeoutSeconds, int timeoutSeconds) {
        return """
                [{"object.className": "ProtImportMovies", "object.id": "2", "object.label": "import",
                  "filesPath": "%s", "filesPattern": "%s", "dataStreaming": true,
                  "fileTimeout": %d, "timeout": %d, "samplingRate": 1.1, "dosePerFrame": 1.0}]
                """.formatted(data, pattern, fileTimeoutSeconds, timeoutSeconds);
    }
}
