package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieHeadersTest {

    @TempDir
    Path dir;

    @Test
    void mrcMrcsAndStAreMrc() throws Exception {
        MrcFiles f = new MrcFiles().dims(40, 30, 24).mode(6);
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "mrc"), MovieHeaders.read(f.write(dir.resolve("a.mrc"))));
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "mrcs"), MovieHeaders.read(f.write(dir.resolve("a.mrcs"))));
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "st"), MovieHeaders.read(f.write(dir.resolve("a.st"))));
    }

    @Test
    void extensionIsCaseInsensitive() throws Exception {
        MrcFiles f = new MrcFiles().dims(4, 4, 2).order(ByteOrder.BIG_ENDIAN);
        MovieInfo info = MovieHeaders.read(f.write(dir.resolve("UPPER.MRCS")));
        assertEquals(2, info.frames());
        assertEquals("mrcs", info.format());
    }

    @Test
    void tiffIsUnsupportedForNow() throws Exception {
        Path tif = Files.write(dir.resolve("movie.tiff"), new byte[2048]);
        InvalidMovieException e = assertThrows(InvalidMovieException.class, () -> MovieHeaders.read(tif));
        assertEquals(InvalidMovieException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("unsupported movie format .tiff; supported: .mrc, .mrcs"), e.getMessage());
        assertTrue(e.getMessage().contains("TIFF and EER arrive with the image I/O bundle"), e.getMessage());
        assertTrue(e.getMessage().contains(tif.toString()), e.getMessage());
    }

    @Test
    void eerAndNoExtension() throws Exception {
        Path eer = Files.write(dir.resolve("movie.eer"), new byte[10]);
        assertTrue(assertThrows(InvalidMovieException.class, () -> MovieHeaders.read(eer))
                .getMessage().contains("unsupported movie format .eer"));
        Path bare = Files.write(dir.resolve("movie"), new byte[10]);
        assertTrue(assertThrows(InvalidMovieException.class, () -> MovieHeaders.read(bare))
                .getMessage().contains("unsupported movie format (no extension)"));
    }

    @Test
    void isSupported() {
        assertTrue(MovieHeaders.isSupported(Path.of("/x/y.mrc")));
        assertTrue(MovieHeaders.isSupported(Path.of("y.MRCS")));
        assertTrue(MovieHeaders.isSupported(Path.of("ts.st")));
        assertFalse(MovieHeaders.isSupported(Path.of("y.tif")));
        assertFalse(MovieHeaders.isSupported(Path.of(".mrc")));
        assertFalse(MovieHeaders.isSupported(Path.of("mrc")));
    }

    @Test
    void invalidFilePassesThroughReaderError() throws Exception {
        Path empty = Files.createFile(dir.resolve("e.mrcs"));
        assertEquals(InvalidMovieException.Reason.TOO_SHORT,
                assertThrows(InvalidMovieException.class, () -> MovieHeaders.read(empty)).reason());
    }
}
