package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceContext;
import org.scipionj.image.io.InvalidImageException;

/**
 * One run of a file import (movies or micrographs, see {@link ItemMaker}): each poll scans the folder, imports the files that have stopped changing for
 * {@code fileTimeout}, records unreadable files as failed, and closes the stream after {@code timeout} without
 * a new file, on a stop request, or at once when not streaming. Used from the engine's polling thread only.
 */
final class FileImport implements Source {

    private final RunContext run;
    private final Parameters p;
    private final String slot;
    private final ItemMaker maker;
    private final FilePattern pattern;
    private final BlacklistRules blacklist;
    private final StabilityTracker tracker;
    private final LongSupplier clock;
    private final boolean streaming;
    private final Duration timeout;
    private final java.util.Set<Path> seen = new java.util.HashSet<>();
    private final java.util.Set<Path> skipped = new java.util.HashSet<>();
    private long lastNewFileNanos;
    private int lastWaiting = -1;

    FileImport(RunContext run, BlacklistRules blacklist, String slot, ItemMaker maker) {
        this(run, blacklist, slot, maker, System::nanoTime);
    }

    FileImport(RunContext run, BlacklistRules blacklist, String slot, ItemMaker maker, LongSupplier clock) {
        this.run = run;
        this.slot = slot;
        this.maker = maker;
        this.p = run.parameters();
        this.blacklist = blacklist;
        this.clock = clock;
        this.streaming = p.bool("dataStreaming");
        this.timeout = p.duration("timeout");
        this.pattern = new FilePattern(p.has("filesPath") ? p.path("filesPath").toString() : "",
                p.string("filesPattern"), null);
        // NB: without streaming the files are complete already, so nothing waits for them to settle
        this.tracker = new StabilityTracker(streaming ? p.duration("fileTimeout") : Duration.ZERO, clock);
        this.lastNewFileNanos = clock.getAsLong();
    }

    @Override
    public Poll poll(SourceContext ctx) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path file : pattern.scan()) {
            if (skipped.contains(file) || ctx.isKnown(file.toAbsolutePath().toString())) {
                continue;
            }
            if (!blacklist.isEmpty() && blacklist.skips(file, modifiedMillis(file))) {
                skipped.add(file);
                run.log().info("blacklisted: " + file);
                continue;
            }
            candidates.add(file);
            if (seen.add(file)) {
                lastNewFileNanos = clock.getAsLong();
            }
        }
        tracker.retainOnly(candidates);
        List<Path> ready = tracker.ready(candidates);
        for (Path file : ready) {
            importOne(ctx, file);
            tracker.forget(file);
            seen.remove(file);
        }
        int waiting = candidates.size() - ready.size();
        if (waiting != lastWaiting && waiting > 0) {
            run.log().info(waiting + " file(s) still being written or not yet stable for " + tracker.fileTimeout());
        }
        lastWaiting = waiting;
        if (run.isStopRequested()) {
            run.log().info("stream closed on request");
            return Poll.finished();
        }
        if (!streaming && waiting == 0) {
            return Poll.finished();
        }
        Duration idle = Duration.ofNanos(clock.getAsLong() - lastNewFileNanos);
        if (streaming && idle.compareTo(timeout) >= 0 && waiting == 0) {
            run.log().info("no new file for " + idle.toSeconds() + " s (timeout " + timeout.toSeconds()
                    + " s): closing the stream");
            return Poll.finished();
        }
        return Poll.again(pollInterval());
    }

    private Duration pollInterval() {
        long millis = tracker.fileTimeout().toMillis() / 4;
        return Duration.ofMillis(Math.max(100, Math.min(2000, millis)));
    }

    private void importOne(SourceContext ctx, Path file) {
        String key = file.toAbsolutePath().toString();
        MovieInfo info;
        try {
            info = MovieHeaders.read(file);
        } catch (InvalidImageException e) {
            ctx.fail(key, e.getMessage());
            return;
        } catch (IOException e) {
            ctx.fail(key, "cannot read " + file + ": " + e.getMessage());
            return;
        }
        double pixel = samplingRate(info);
        if (pixel <= 0) {
            ctx.fail(key, file + " has no pixel size in its header; set samplingRate in the import");
            return;
        }
        Path stored = file.toAbsolutePath();
        if (p.bool("copyFiles")) {
            try {
                stored = copy(file);
            } catch (IOException e) {
                ctx.fail(key, "cannot copy " + file + " into the project: " + e.getMessage());
                return;
            }
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("format", info.format());
        attrs.put("originalFile", key);
        Acquisition optics = new Acquisition(p.decimal("voltage"), p.decimal("sphericalAberration"),
                p.decimal("amplitudeContrast"), p.decimal("magnification"));
        try {
            ctx.emit(key, slot, maker.make(ctx.nextId(), stored, info, pixel, optics, attrs, p));
        } catch (IllegalArgumentException e) {
            ctx.fail(key, file + ": " + e.getMessage());
        }
    }

    private double samplingRate(MovieInfo info) {
        if (p.choice("samplingRateMode") == 1) {
            return p.decimal("scannedPixelSize") * 1e4 / p.decimal("magnification");
        }
        return p.has("samplingRate") && p.decimal("samplingRate") > 0 ? p.decimal("samplingRate") : info.pixelSizeA();
    }

    private Path copy(Path file) throws IOException {
        Path dir = run.outputDir().resolve("imported");
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName().toString());
        Path tmp = dir.resolve("." + file.getFileName() + ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static long modifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
