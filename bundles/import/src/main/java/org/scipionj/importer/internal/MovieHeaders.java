package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the header of a movie file with the reader its extension calls for and returns the
 * format-independent {@link MovieInfo}. Supports {@code .mrc}, {@code .mrcs} and {@code .st}
 * (all MRC, where nz is the number of frames); extensions are compared case-insensitively.
 * Stateless, so thread-safe.
 */
public final class MovieHeaders {

    private static final Set<String> MRC_EXTENSIONS = Set.of("mrc", "mrcs", "st");

    private MovieHeaders() {
    }

    /**
     * The header values of {@code file}.
     *
     * @throws InvalidMovieException for an unsupported extension or an invalid/incomplete file
     * @throws IOException if the file cannot be read
     */
    public static MovieInfo read(Path file) throws IOException, InvalidMovieException {
        String ext = extension(file);
        if (MRC_EXTENSIONS.contains(ext)) {
            MrcHeader h = MrcHeaderReader.read(file);
            return new MovieInfo(h.nx(), h.ny(), h.nz(), h.pixelSizeA(), ext);
        }
        throw new InvalidMovieException(file, InvalidMovieException.Reason.UNSUPPORTED_FORMAT,
                file + ": unsupported movie format " + (ext.isEmpty() ? "(no extension)" : "." + ext)
                        + "; supported: .mrc, .mrcs, .st (TIFF and EER arrive with the image I/O bundle)");
    }

    /** Whether {@link #read} has a reader for this file's extension. */
    public static boolean isSupported(Path file) {
        return MRC_EXTENSIONS.contains(extension(file));
    }

    /** The lower-case extension of the file name, without the dot; empty if none. */
    static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 || dot == s.length() - 1 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
