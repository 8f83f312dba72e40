package org.scipionj.shell.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import org.scipionj.api.project.ScipionException;

/**
 * The lock that lets one server run per user data folder ({@code USER_DATA/runtime/server.lock}, holding the
 * server's pid). An operating-system lock: it goes with its process, even after {@code kill -9}. Thread-safe.
 */
final class ServerLock implements AutoCloseable {

    /**
     * The lock files this process holds. POSIX locks belong to the process, so this is process-wide state: it
     * keeps {@link #running} from opening a file whose lock this process holds.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private ServerLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
        HELD.add(file);
    }

    static Path file(Path userData) {
        return userData.resolve("runtime").resolve("server.lock");
    }

    static ServerLock acquire(Path userData) {
        Path file = file(userData);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ScipionException("a server already runs for " + userData + " (pid "
                        + pid(userData).orElse(-1) + "); './scipion server --stop' stops it");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new ServerLock(channel, lock, file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new ScipionException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** The pid of the live server, if one holds the lock. */
    static OptionalLong running(Path userData) {
        Path file = file(userData);
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        if (HELD.contains(file.toAbsolutePath().normalize())) {
            // NB: this JVM is the server: closing any other descriptor of the file (even to read the pid) would
            // release its POSIX lock
            return OptionalLong.of(ProcessHandle.current().pid());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return OptionalLong.empty();
            }
        } catch (OverlappingFileLockException e) {
            // held in this JVM
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return pid(userData);
    }

    private static OptionalLong pid(Path userData) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file(userData), StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        HELD.remove(file);
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // NB: released with the process anyway
        }
    }
}
