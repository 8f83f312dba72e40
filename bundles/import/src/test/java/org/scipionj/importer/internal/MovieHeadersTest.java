package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.io.InvalidImageException;

class MovieHeadersTest {

    @TempDir
    Path dir;

    @Test
    void mrcMrcsAndStAreMrc() throws Exception {
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "mrc"), MovieHeaders.read(TestMovies.mrc(dir.resolve("a.mrc"), 40, 30, 24)));
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "mrcs"), MovieHeaders.read(TestMovies.mrc(dir.resolve("a.mrcs"), 40, 30, 24)));
        assertEquals(new MovieInfo(40, 30, 24, 1.5, "st"), MovieHeaders.read(TestMovies.mrc(dir.resolve("a.st"), 40, 30, 24)));
    }

    @Test
    void extensionIsCaseInsensitive() throws Exception {
        MovieInfo info = MovieHeaders.read(TestMovies.mrc(dir.resolve("UPPER.MRCS"), 4, 4, 2));
        assertEquals(2, info.frames());
        assertEquals("mrcs", info.format());
    }

    @Test
    void tiffAndTifAreMultiPageTiff() throws Exception {
        assertEquals(new MovieInfo(20, 10, 6, 0.0, "tif"), MovieHeaders.read(TestMovies.tiff(dir.resolve("m.tif"), 20, 10, 6)));
        assertEquals(new MovieInfo(20, 10, 6, 0.0, "tiff"), MovieHeaders.read(TestMovies.tiff(dir.resolve("M.TIFF"), 20, 10, 6)));
    }

    @Test
    void truncatedTiffMayBeIncomplete() throws Exception {
        Path tif = TestMovies.tiff(dir.resolve("cut.tif"), 64, 64, 4);
        byte[] all = Files.readAllBytes(tif);
        Files.write(tif, java.util.Arrays.copyOf(all, all.length / 2));
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieHeaders.read(tif));
        assertTrue(e.mayBeIncomplete(), e.getMessage());
        assertTrue(e.getMessage().contains(tif.toString()), e.getMessage());
    }

    @Test
    void garbageTiffIsNotRecognised() throws Exception {
        Path tif = Files.write(dir.resolve("movie.tiff"), new byte[2048]);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieHeaders.read(tif));
        assertEquals(InvalidImageException.Reason.NOT_RECOGNISED, e.reason());
        assertTrue(e.getMessage().contains("is not a TIFF file"), e.getMessage());
        assertTrue(e.getMessage().contains(tif.toString()), e.getMessage());
    }

    @Test
    void eerAndNoExtension() throws Exception {
        Path eer = Files.write(dir.resolve("movie.eer"), new byte[10]);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieHeaders.read(eer));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("unsupported movie format .eer; supported: .mrc, .mrcs, .st, .tif, .tiff"),
                e.getMessage());
        Path bare = Files.write(dir.resolve("movie"), new byte[10]);
        assertTrue(assertThrows(InvalidImageException.class, () -> MovieHeaders.read(bare))
                .getMessage().contains("unsupported movie format (no extension)"));
    }

    @Test
    void isSupported() {
        assertTrue(MovieHeaders.isSupported(Path.of("/x/y.mrc")));
        assertTrue(MovieHeaders.isSupported(Path.of("y.MRCS")));
        assertTrue(MovieHeaders.isSupported(Path.of("ts.st")));
        assertTrue(MovieHeaders.isSupported(Path.of("y.tif")));
        assertTrue(MovieHeaders.isSupported(Path.of("y.TIFF")));
        assertFalse(MovieHeaders.isSupported(Path.of("vol.map")));
        assertFalse(MovieHeaders.isSupported(Path.of(".mrc")));
        assertFalse(MovieHeaders.isSupported(Path.of("mrc")));
    }

    @Test
    void invalidFilePassesThroughReaderError() throws Exception {
        Path empty = Files.createFile(dir.resolve("e.mrcs"));
        assertEquals(InvalidImageException.Reason.TOO_SHORT,
                assertThrows(InvalidImageException.class, () -> MovieHeaders.read(empty)).reason());
    }
}
