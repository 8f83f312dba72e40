package org.scipionj.repository.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The installed-plugins folder of a user-data folder, {@code $SCIPION_USER_DATA/plugins}: the bundle jars the
 * launcher starts at boot (next to those of the distribution's {@code bundle/}) and {@code plugins.json}, the
 * record of which plugin each jar belongs to. It lives with the user data, so rebuilding or replacing the
 * distribution keeps the plugins, and two user-data folders have their own sets (like their own server).
 * <p>
 * Writers hold {@link #lock()} (a file lock, so across processes); readers of the jars (the deployer) skip a
 * round while it is held. Thread-safe.
 */
public final class PluginFolder {

    static final String RECORD = "plugins.json";
    static final String LOCK = ".lock";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One bundle of an installed plugin (file relative to the folder). */
    public record InstalledBundle(String file, String symbolicName, String version, String sha256) {
    }

    /** One installed plugin: its name, version (the index's, or the bundle's for a file), and where it came from. */
    public record InstalledPlugin(String name, String version, String source, List<InstalledBundle> bundles) {
    }

    private final Path dir;

    public PluginFolder(Path dir) {
        this.dir = dir;
    }

    /** {@code USERDATA/plugins}. */
    public static PluginFolder of(Path userData) {
        return new PluginFolder(userData.resolve("plugins"));
    }

    public Path dir() {
        return dir;
    }

    public List<InstalledPlugin> installed() {
        Path record = dir.resolve(RECORD);
        if (!Files.exists(record)) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(record.toFile(), new TypeReference<List<InstalledPlugin>>() { }));
        } catch (IOException e) {
            throw new PluginException("the installed-plugins record " + record + " is unreadable (" + e.getMessage()
                    + "); fix or delete it (the jars next to it are started anyway)");
        }
    }

    public Optional<InstalledPlugin> find(String nameOrSymbolicName) {
        return installed().stream().filter(p -> p.name().equals(nameOrSymbolicName)
                || p.bundles().stream().anyMatch(b -> b.symbolicName().equals(nameOrSymbolicName))).findFirst();
    }

    /** Replaces the record atomically (the caller holds the lock). */
    void write(List<InstalledPlugin> plugins) throws IOException {
        List<InstalledPlugin> sorted = new ArrayList<>(plugins);
        sorted.sort(Comparator.comparing(InstalledPlugin::name));
        Path tmp = dir.resolve(RECORD + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(sorted) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The bundle jars in the folder (what the launcher starts), sorted. */
    public List<Path> jars() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginException("cannot list the installed plugins in " + dir + ": " + e.getMessage());
        }
    }

    /** Takes the folder's write lock, waiting for another process that holds it. */
    public Lock lock() {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new Lock(channel, channel.lock());
        } catch (IOException e) {
            throw new PluginException("cannot lock the installed-plugins folder " + dir + ": " + e.getMessage());
        }
    }

    /** The write lock if nobody holds it now, else empty. */
    Optional<Lock> tryLock() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new Lock(channel, lock));
        } catch (IOException | OverlappingFileLockException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // NB: nothing held
            }
            return Optional.empty();
        }
    }

    /** A held write lock. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // NB: closing the channel releases the lock in any case
            }
        }
    }
}
