package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.scipionj.image.Frame;

/**
 * One-call MRC reading and writing; for more control use {@link MrcWriter} and
 * {@link MrcMovieReader}. Writing is atomic (temporary file + rename). Stateless, so thread-safe.
 *
 * <pre>{@code
 * MrcFiles.write(Path.of("sum.mrc"), List.of(sum), MrcMode.FLOAT32, 0.83, "aligned sum");
 * MrcFiles.write(Path.of("movie.mrcs"), 40, z -> simulateFrame(z), MrcMode.INT16, 0.83);
 * List<Frame> stack = MrcFiles.readAll(Path.of("particles.mrcs"));
 * }</pre>
 */
public final class MrcFiles {

    private MrcFiles() {
    }

    /**
     * Writes {@code frames} (all the same size) as one MRC image or stack.
     *
     * @return the header written, with its statistics
     * @throws IllegalArgumentException if {@code frames} is empty or sizes differ
     */
    public static MrcHeader write(Path file, List<Frame> frames, MrcMode mode, double pixelSizeA, String... labels)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write to " + file);
        }
        return write(file, frames.size(), frames::get, mode, pixelSizeA, labels);
    }

    /**
     * Writes {@code count} frames obtained one at a time from {@code frameAt} (called with 0, 1, ...),
     * so only one frame needs to exist at a time.
     *
     * @return the header written, with its statistics
     */
    public static MrcHeader write(Path file, int count, IntFunction<Frame> frameAt, MrcMode mode, double pixelSizeA,
                                  String... labels) throws IOException {
        Frame first = frameAt.apply(0);
        MrcWriter.Builder b = MrcWriter.to(file).mode(mode).pixelSize(pixelSizeA).frames(count);
        for (String l : labels) {
            b.label(l);
        }
        try (MrcWriter w = b.open(first.width(), first.height())) {
            w.write(first);
            for (int z = 1; z < count; z++) {
                w.write(frameAt.apply(z));
            }
            return w.commit();
        }
    }

    /** Opens an MRC file for frame-by-frame reading (memory-mapped). */
    public static MrcMovieReader open(Path file) throws IOException {
        return MrcMovieReader.open(file);
    }

    /** Reads every section of a (small) MRC file into frames; for movies prefer {@link #open(Path)}. */
    public static List<Frame> readAll(Path file) throws IOException {
        try (MrcMovieReader r = MrcMovieReader.open(file)) {
            List<Frame> out = new ArrayList<>(r.frames());
            for (int z = 0; z < r.frames(); z++) {
                out.add(r.readFrame(z));
            }
            return out;
        }
    }
}
