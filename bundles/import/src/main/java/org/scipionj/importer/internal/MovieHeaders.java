package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.scipionj.image.io.ImageFormat;
import org.scipionj.image.io.InvalidImageException;
import org.scipionj.image.io.MrcHeader;
import org.scipionj.image.io.MrcHeaderReader;
import org.scipionj.image.io.TiffHeaderReader;
import org.scipionj.image.io.TiffInfo;

/**
 * Reads the header of a movie file with the image I/O reader its extension calls for and returns
 * the format-independent {@link MovieInfo}. Supports MRC ({@code .mrc}, {@code .mrcs}, {@code .st},
 * where nz is the number of frames) and multi-page TIFF ({@code .tif}, {@code .tiff}, one page per
 * frame; TIFF has no pixel size, so it is 0); extensions are compared case-insensitively. Only
 * headers are read, but both readers check that the file holds all the data they announce.
 * Stateless, so thread-safe.
 */
public final class MovieHeaders {

    private MovieHeaders() {
    }

    /**
     * The header values of {@code file}.
     *
     * @throws InvalidImageException for an unsupported extension or an invalid/incomplete file
     * @throws IOException if the file cannot be read
     */
    public static MovieInfo read(Path file) throws IOException {
        String ext = ImageFormat.extension(file);
        Optional<ImageFormat> format = isSupported(file) ? ImageFormat.byExtension(file) : Optional.empty();
        if (format.isPresent() && format.get() == ImageFormat.MRC) {
            MrcHeader h = MrcHeaderReader.read(file);
            return new MovieInfo(h.nx(), h.ny(), h.nz(), h.pixelSizeA(), ext);
        }
        if (format.isPresent() && format.get() == ImageFormat.TIFF) {
            TiffInfo t = TiffHeaderReader.read(file);
            return new MovieInfo(t.width(), t.height(), t.frames(), t.pixelSizeA(), ext);
        }
        throw new InvalidImageException(file, InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                file + ": unsupported movie format " + (ext.isEmpty() ? "(no extension)" : "." + ext)
                        + "; supported: .mrc, .mrcs, .st, .tif, .tiff (EER is not supported yet)");
    }

    /** Whether {@link #read} has a reader for this file's extension. */
    public static boolean isSupported(Path file) {
        String ext = ImageFormat.extension(file);
        return !ext.equals("map") && ImageFormat.byExtension(file).isPresent();
    }

    /** The lower-case extension of the file name, without the dot; empty if none. */
    static String extension(Path file) {
        return ImageFormat.extension(file);
    }
}
