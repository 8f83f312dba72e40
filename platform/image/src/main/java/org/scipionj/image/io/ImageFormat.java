package org.scipionj.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The image file formats this package reads, and how a file's format is recognised. Immutable, so thread-safe. */
public enum ImageFormat {
    /** MRC2014 images, stacks, movies and volumes. */
    MRC(List.of("mrc", "mrcs", "st", "map")),
    /** TIFF images and multi-page movies (classic and BigTIFF). */
    TIFF(List.of("tif", "tiff"));

    private final List<String> extensions;

    ImageFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The lower-case file extensions of this format, without the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format this file's extension names (case-insensitive), or empty. */
    public static Optional<ImageFormat> byExtension(Path file) {
        String ext = extension(file);
        for (ImageFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of {@code file}: by extension, else by content (TIFF magic bytes {@code II*\0},
     * {@code MM\0*} or their BigTIFF forms; otherwise MRC when the {@code "MAP "} word is present).
     *
     * @throws InvalidImageException ({@code UNSUPPORTED_FORMAT}) when neither says what the file is
     * @throws IOException if the file cannot be read
     */
    public static ImageFormat of(Path file) throws IOException {
        Optional<ImageFormat> byName = byExtension(file);
        if (byName.isPresent()) {
            return byName.get();
        }
        byte[] head = new byte[212];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43)))) {
            return TIFF;
        }
        if (n >= 212 && head[208] == 'M' && head[209] == 'A' && head[210] == 'P' && head[211] == ' ') {
            return MRC;
        }
        String ext = extension(file);
        throw new InvalidImageException(file, InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                file + ": unsupported image format " + (ext.isEmpty() ? "(no extension)" : "." + ext)
                        + " and the content is neither TIFF nor MRC; supported: "
                        + String.join(", ", allExtensions()) + "; convert the file (EER: not yet supported)");
    }

    /** Every supported extension with its dot, e.g. {@code .mrc}, for messages. */
    public static List<String> allExtensions() {
        return java.util.Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList();
    }

    /** The lower-case extension of the file name, without the dot; empty if none. */
    public static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 || dot == s.length() - 1 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
