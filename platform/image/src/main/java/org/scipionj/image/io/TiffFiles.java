package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.scipionj.image.Frame;

/**
 * One-call TIFF movie writing and opening; for more control use {@link TiffWriter} and
 * {@link TiffMovieReader}. Writing is atomic (temporary file + rename). Stateless, so thread-safe.
 *
 * <pre>{@code
 * TiffFiles.write(Path.of("movie.tif"), frames, TiffPixelType.UINT16, TiffCompression.LZW);
 * }</pre>
 */
public final class TiffFiles {

    private TiffFiles() {
    }

    /** Writes {@code frames} (all the same size) as a multi-page TIFF. */
    public static void write(Path file, List<Frame> frames, TiffPixelType type, TiffCompression compression)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write to " + file);
        }
        write(file, frames.size(), frames::get, type, compression);
    }

    /** Writes {@code count} frames obtained one at a time from {@code frameAt} (called with 0, 1, ...). */
    public static void write(Path file, int count, IntFunction<Frame> frameAt, TiffPixelType type,
                             TiffCompression compression) throws IOException {
        Frame first = frameAt.apply(0);
        try (TiffWriter w = TiffWriter.to(file, type, compression).open(first.width(), first.height())) {
            w.write(first);
            for (int z = 1; z < count; z++) {
                w.write(frameAt.apply(z));
            }
            w.commit();
        }
    }

    /** Opens a TIFF movie for frame-by-frame reading. */
    public static TiffMovieReader open(Path file) throws IOException {
        return TiffMovieReader.open(file);
    }
}
