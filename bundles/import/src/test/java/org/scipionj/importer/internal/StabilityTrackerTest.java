package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StabilityTrackerTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000L);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private StabilityTracker tracker(Duration timeout) {
        return new StabilityTracker(timeout, now::get);
    }

    @Test
    void fileBecomesReadyAfterTimeoutUnchanged() throws Exception {
        Path f = Files.write(dir.resolve("m.mrc"), new byte[100]);
        StabilityTracker t = tracker(Duration.ofSeconds(30));

        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(29));
        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(1));
        assertEquals(List.of(f), t.ready(List.of(f)));
        assertEquals(List.of(f), t.ready(List.of(f)), "stays ready until forgotten");
    }

    @Test
    void growingFileRestartsTheClock() throws Exception {
        Path f = Files.write(dir.resolve("m.mrc"), new byte[100]);
        StabilityTracker t = tracker(Duration.ofSeconds(10));
        t.ready(List.of(f));
        advance(Duration.ofSeconds(9));
        Files.write(f, new byte[200]); // still being copied
        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(9));
        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(1));
        assertEquals(List.of(f), t.ready(List.of(f)));
    }

    @Test
    void touchedFileWithSameSizeRestartsTheClock() throws Exception {
        Path f = Files.write(dir.resolve("m.mrc"), new byte[100]);
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
        StabilityTracker t = tracker(Duration.ofMinutes(1));
        t.ready(List.of(f));
        advance(Duration.ofSeconds(50));
        Files.setLastModifiedTime(f, FileTime.fromMillis(2_000_000));
        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(50));
        assertEquals(List.of(), t.ready(List.of(f)));
        advance(Duration.ofSeconds(10));
        assertEquals(List.of(f), t.ready(List.of(f)));
    }

    @Test
    void zeroTimeoutIsReadyAtOnce() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        Path b = Files.write(dir.resolve("b.mrc"), new byte[2]);
        assertEquals(List.of(a, b), tracker(Duration.ZERO).ready(List.of(a, b)));
    }

    @Test
    void vanishedCandidatesAreDropped() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        Path b = Files.write(dir.resolve("b.mrc"), new byte[1]);
        StabilityTracker t = tracker(Duration.ofSeconds(5));
        t.ready(List.of(a, b));
        assertEquals(2, t.trackedCount());
        Files.delete(a);
        advance(Duration.ofSeconds(5));
        assertEquals(List.of(b), t.ready(List.of(a, b)));
        assertEquals(1, t.trackedCount());

        Files.write(a, new byte[1]); // reappears: its clock starts again
        assertEquals(List.of(b), t.ready(List.of(a, b)));
        advance(Duration.ofSeconds(5));
        assertEquals(List.of(a, b), t.ready(List.of(a, b)));
    }

    @Test
    void forgetAndRetainOnly() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        Path b = Files.write(dir.resolve("b.mrc"), new byte[1]);
        StabilityTracker t = tracker(Duration.ofSeconds(5));
        t.ready(List.of(a, b));
        t.forget(a);
        assertEquals(1, t.trackedCount());
        advance(Duration.ofSeconds(5));
        assertEquals(List.of(b), t.ready(List.of(a, b)), "a was forgotten, so its clock restarted");
        t.retainOnly(List.of(a));
        assertEquals(1, t.trackedCount());
    }

    @Test
    void foldersAreIgnored() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.mrc"));
        StabilityTracker t = tracker(Duration.ZERO);
        assertEquals(List.of(), t.ready(List.of(sub)));
        assertEquals(0, t.trackedCount());
    }

    @Test
    void keepsCandidateOrder() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        Path b = Files.write(dir.resolve("b.mrc"), new byte[1]);
        assertEquals(List.of(b, a), tracker(Duration.ZERO).ready(List.of(b, a)));
    }

    @Test
    void negativeTimeoutRejected() {
        assertThrows(IllegalArgumentException.class, () -> tracker(Duration.ofSeconds(-1)));
    }

    @Test
    void hugeTimeoutNeverOverflows() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        StabilityTracker t = tracker(Duration.ofDays(365L * 1_000_000));
        t.ready(List.of(a));
        advance(Duration.ofDays(365));
        assertEquals(List.of(), t.ready(List.of(a)));
    }

    @Test
    void defaultClockWorks() throws Exception {
        Path a = Files.write(dir.resolve("a.mrc"), new byte[1]);
        assertEquals(List.of(a), new StabilityTracker(Duration.ZERO).ready(List.of(a)));
        assertEquals(Duration.ZERO, new StabilityTracker(Duration.ZERO).fileTimeout());
    }
}
