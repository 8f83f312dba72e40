package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.io.TiffCompression;
import org.scipionj.image.io.TiffFiles;
import org.scipionj.image.io.TiffPixelType;

/** Writes small movies for the import tests with the image I/O writers (pixel size 1.5 Å for MRC). */
final class TestMovies {

    private TestMovies() {
    }

    /** An int16 MRC movie of {@code frames} frames of {@code w x h}, 1.5 Å/px. */
    static Path mrc(Path file, int w, int h, int frames) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        MrcFiles.write(file, frames, z -> new Frame(w, h), MrcMode.INT16, 1.5, "import test");
        return file;
    }

    /** An 8x6x3 MRC movie. */
    static Path mrc(Path file) throws IOException {
        return mrc(file, 8, 6, 3);
    }

    /** An MRC movie cut to {@code keepBytes} bytes, as a half-copied file. */
    static Path truncatedMrc(Path file, int w, int h, int frames, long keepBytes) throws IOException {
        mrc(file, w, h, frames);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(keepBytes);
        }
        return file;
    }

    /** A 16-bit LZW TIFF movie of {@code frames} pages of {@code w x h}. */
    static Path tiff(Path file, int w, int h, int frames) throws IOException {
        TiffFiles.write(file, frames, z -> new Frame(w, h), TiffPixelType.UINT16, TiffCompression.LZW);
        return file;
    }
}
