package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides when a file that is being written or copied is complete: a file is ready once its size and
 * last-modified time have stayed the same for at least {@code fileTimeout}, as Scipion's streaming
 * import does. Each call to {@link #ready} stats the candidates (following links), remembers when it
 * first saw each (size, mtime) pair, and returns the ones unchanged for long enough. Time comes from
 * an injected nanosecond clock so tests need not sleep. A timeout of zero makes every existing
 * regular file ready at once.
 *
 * <p>Not thread-safe: use it from one thread (the import's scan loop) or synchronise externally.
 */
public final class StabilityTracker {

    private record Seen(long size, FileTime modified, long sinceNanos) {
        boolean same(BasicFileAttributes a) {
            return size == a.size() && modified.equals(a.lastModifiedTime());
        }
    }

    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final Map<Path, Seen> seen = new HashMap<>();

    /** A tracker on the system's monotonic clock ({@link System#nanoTime()}). */
    public StabilityTracker(Duration fileTimeout) {
        this(fileTimeout, System::nanoTime);
    }

    /**
     * @param fileTimeout how long size and mtime must stay unchanged; zero for ready at once
     * @param nanoClock monotonic time in nanoseconds, e.g. {@code System::nanoTime}
     * @throws IllegalArgumentException if the timeout is negative
     */
    public StabilityTracker(Duration fileTimeout, LongSupplier nanoClock) {
        Objects.requireNonNull(fileTimeout, "fileTimeout");
        if (fileTimeout.isNegative()) {
            throw new IllegalArgumentException("file timeout must not be negative, got " + fileTimeout);
        }
        this.timeoutNanos = saturatedNanos(fileTimeout);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The timeout this tracker applies. */
    public Duration fileTimeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /**
     * The candidates whose size and mtime have not changed for at least the timeout, in the order
     * given. Candidates that no longer exist (or cannot be stat'ed) are dropped from tracking and
     * not returned; candidates that are not regular files are ignored. Ready files stay tracked (and
     * ready) until {@link #forget}.
     */
    public List<Path> ready(Collection<Path> candidates) {
        long now = nanoClock.getAsLong();
        List<Path> out = new ArrayList<>();
        for (Path p : candidates) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException e) {
                seen.remove(p); // vanished or unreadable
                continue;
            }
            if (!a.isRegularFile()) {
                seen.remove(p);
                continue;
            }
            Seen s = seen.get(p);
            if (s == null || !s.same(a)) {
                s = new Seen(a.size(), a.lastModifiedTime(), now);
                seen.put(p, s);
            }
            if (now - s.sinceNanos() >= timeoutNanos) {
                out.add(p);
            }
        }
        return out;
    }

    /** Stops tracking {@code file}, e.g. once it has been imported. */
    public void forget(Path file) {
        seen.remove(file);
    }

    /** Stops tracking every file not in {@code keep}, e.g. those no longer matched by the pattern. */
    public void retainOnly(Collection<Path> keep) {
        Set<Path> k = keep instanceof Set<Path> set ? set : new HashSet<>(keep);
        seen.keySet().retainAll(k);
    }

    /** How many files are being tracked. */
    public int trackedCount() {
        return seen.size();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
