package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import org.scipionj.image.Frame;

/**
 * Opens a {@link MovieReader} for an MRC or TIFF file, chosen by {@link ImageFormat#of(Path)}.
 * Stateless, so thread-safe.
 */
public final class MovieReaders {

    private MovieReaders() {
    }

    /**
     * Opens {@code file} for frame-by-frame reading.
     *
     * @throws InvalidImageException if the file is not a readable MRC/TIFF (message says why)
     * @throws IOException if the file cannot be opened
     */
    public static MovieReader open(Path file) throws IOException {
        return switch (ImageFormat.of(file)) {
            case MRC -> MrcMovieReader.open(file);
            case TIFF -> TiffMovieReader.open(file);
        };
    }

    /**
     * Reads the single image in {@code file} (a gain or dark reference, a micrograph).
     *
     * @throws InvalidImageException if the file holds more than one frame, or is not readable
     */
    public static Frame readImage(Path file) throws IOException {
        try (MovieReader r = open(file)) {
            if (r.frames() != 1) {
                throw new InvalidImageException(file, InvalidImageException.Reason.BAD_DIMENSIONS,
                        file + " holds " + r.frames() + " frames where a single image was expected;"
                                + " give a single-image file (e.g. the gain reference itself, not a movie)");
            }
            return r.readFrame(0);
        }
    }
}
