package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.scipionj.api.project.ScipionException;

/**
 * The operating-system lock that lets only one process process a project. It disappears with its process, so a
 * killed runtime never leaves a stale lock behind. Thread-safe.
 */
public final class ProcessingLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ProcessingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(Path projectDir) {
        return projectDir.resolve(".runtime.lock");
    }

    /** Takes the lock, or fails saying which process holds it. */
    public static ProcessingLock acquire(Path projectDir) {
        Path file = file(projectDir);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ScipionException("project " + projectDir.getFileName() + " is already being processed by "
                        + holder(file) + "; stop it first ('./scipion stop-project name="
                        + projectDir.getFileName() + "')");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new ProcessingLock(channel, lock);
        } catch (IOException e) {
            throw new ScipionException("cannot lock project folder " + projectDir + ": " + e.getMessage(), e);
        }
    }

    /** Whether some live process holds the lock. */
    public static boolean isHeld(Path projectDir) {
        Path file = file(projectDir);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
            return pid.isEmpty() ? "another process" : "process " + pid;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // NB: the lock goes with the channel or the process anyway
        }
    }
}
