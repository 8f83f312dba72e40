package org.scipionj.image.io.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a writer puts its bytes: either a hidden temporary file beside the target, renamed onto it
 * when the writer commits (so readers never see a partial file), or the target itself (so the file
 * grows in place, as a microscope writes). Aborting deletes what was written. Not thread-safe.
 */
public final class OutputFile {

    private final Path target;
    private final Path path;
    private final boolean atomic;
    private boolean done;

    private OutputFile(Path target, Path path, boolean atomic) {
        this.target = target;
        this.path = path;
        this.atomic = atomic;
    }

    /** Prepares output for {@code target}; creates missing parent folders. */
    public static OutputFile create(Path target, boolean atomic) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!atomic) {
            Files.deleteIfExists(abs);
            return new OutputFile(abs, abs, false);
        }
        // NB: not Files.createTempFile, which makes the file owner-only (0600); this one follows the umask
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime() ^ attempt)
                    + ".part");
            try {
                return new OutputFile(abs, Files.createFile(tmp), true);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** The file bytes go to now (the temporary file while atomic). */
    public Path path() {
        return path;
    }

    /** The final file. */
    public Path target() {
        return target;
    }

    /** Opens {@link #path()} for writing, truncated. */
    public FileChannel openChannel() throws IOException {
        return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Moves the temporary file onto the target (atomically where the file system can), replacing it. */
    public void commit() throws IOException {
        if (done) {
            return;
        }
        if (atomic) {
            try {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        done = true;
    }

    /** Deletes what was written, unless committed. Never throws. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // NB: best effort; a leftover hidden .part file is harmless
        }
    }
}
