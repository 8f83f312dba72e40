package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scipionj.image.Frame;

class TiffIoTest {

    @TempDir
    Path dir;

    static Stream<Arguments> writableTypesAndCompressions() {
        List<Arguments> out = new ArrayList<>();
        for (TiffPixelType t : TiffPixelType.values()) {
            for (TiffCompression c : TiffCompression.values()) {
                if (t.writable() && c.writable()) {
                    out.add(Arguments.of(t, c));
                }
            }
        }
        return out.stream();
    }

    /** An asymmetric frame of values the type stores exactly, using most of its range. */
    static Frame frame(TiffPixelType t, int w, int h, int z) {
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long k = x + 5L * y + 101L * z;
                float v = switch (t) {
                    case UINT8 -> k * 7 % 256;
                    case UINT16 -> k * 977 % 65536;
                    case INT16 -> k * 977 % 65536 - 32768;
                    default -> k * 123457 % 16_000_000; // uint32: exact in a float below 2^24
                };
                f.set(x, y, v);
            }
        }
        return f;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writableTypesAndCompressions")
    void writtenMoviesReadBackExactly(TiffPixelType type, TiffCompression compression) throws Exception {
        Path file = dir.resolve(type + "-" + compression + ".tif");
        List<Frame> frames = List.of(frame(type, 37, 23, 0), frame(type, 37, 23, 1), frame(type, 37, 23, 2));
        TiffFiles.write(file, frames, type, compression);

        TiffInfo info = TiffHeaderReader.read(file);
        assertEquals(new TiffInfo(37, 23, 3, type, compression, compression == TiffCompression.NONE ? 1 : 2,
                ByteOrder.BIG_ENDIAN, false), info);
        try (MovieReader r = MovieReaders.open(file)) {
            assertEquals(List.of(37, 23, 3), List.of(r.width(), r.height(), r.frames()));
            assertEquals(0.0, r.pixelSizeA());
            float[] buf = new float[37 * 23];
            for (int z = 0; z < 3; z++) {
                r.readFrame(z, buf);
                assertArrayEquals(frames.get(z).data(), buf, "page " + z);
            }
            assertArrayEquals(frames.get(1).data(), r.readFrame(1).data(), "random access back to page 1");
        }
        try (TiffMovieReader r = TiffMovieReader.open(file)) {
            assertTrue(r.fastPath());
            float[] lib = new float[37 * 23];
            r.readWithLibrary(2, lib);
            assertArrayEquals(frames.get(2).data(), lib, "the TIFF library decodes the same page");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NONE", "DEFLATE"})
    void tifffileReadsWhatWeWrite(TiffCompression compression) throws Exception {
        // NB: Debian's tifffile decodes LZW only with imagecodecs, which Debian does not ship
        Path file = dir.resolve("ours-" + compression + ".tif");
        List<Frame> frames = List.of(frame(TiffPixelType.UINT16, 9, 4, 0), frame(TiffPixelType.UINT16, 9, 4, 1));
        TiffFiles.write(file, frames, TiffPixelType.UINT16, compression);
        String out = Python.run("tifffile", "import tifffile,sys\n"
                + "a = tifffile.imread(sys.argv[1])\n"
                + "print(a.shape, a.dtype, int(a[1, 3, 8]), int(a[0, 0, 1]))", file.toString()).strip();
        assertEquals("(2, 4, 9) uint16 " + (int) frames.get(1).get(8, 3) + " " + (int) frames.get(0).get(1, 0), out);
    }

    /** Pages written by Python's tifffile (an independent writer), including float32, int8, int32 and BigTIFF. */
    @ParameterizedTest(name = "{0} {1} bigtiff={2} rows/strip={3}")
    @CsvSource({
            "float32, none, False, 5", "float32, zlib, False, 2", "float32, none, True, 3",
            "int16, none, False, 1", "int16, zlib, False, 5",
            "uint16, zlib, False, 2", "uint8, none, False, 5", "int8, zlib, False, 3",
            "int32, none, False, 5", "uint32, zlib, True, 4"})
    void readsTiffsWrittenByTifffile(String dtype, String compression, String bigtiff, int rowsPerStrip)
            throws Exception {
        Path file = dir.resolve("py-" + dtype + "-" + compression + "-" + bigtiff + "-" + rowsPerStrip + ".tif");
        Python.run("tifffile", "import tifffile,sys,numpy as np\n"
                + "k = np.arange(4*5*7).reshape(4, 5, 7)\n"
                + "dt = np.dtype(sys.argv[2])\n"
                + "a = (k * 0.25 - 10) if dt.kind == 'f' else (k * 3 % 97 - (40 if dt.kind == 'i' else 0))\n"
                + "kw = {} if sys.argv[3] == 'none' else {'compression': sys.argv[3]}\n"
                + "tifffile.imwrite(sys.argv[1], a.astype(dt), photometric='minisblack', bigtiff=sys.argv[4] == 'True',"
                + " rowsperstrip=int(sys.argv[5]), **kw)\n",
                file.toString(), dtype, compression, bigtiff, Integer.toString(rowsPerStrip));
        TiffInfo info = TiffHeaderReader.read(file);
        assertEquals(4, info.frames());
        assertEquals(Boolean.parseBoolean(bigtiff.toLowerCase()), info.bigTiff());
        assertEquals(TiffPixelType.valueOf(dtype.toUpperCase()), info.pixelType());
        assertEquals(compression.equals("none") ? TiffCompression.NONE : TiffCompression.DEFLATE, info.compression());
        try (MovieReader r = MovieReaders.open(file)) {
            assertEquals(List.of(7, 5, 4), List.of(r.width(), r.height(), r.frames()));
            for (int z = 0; z < 4; z++) {
                Frame f = r.readFrame(z);
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < 7; x++) {
                        int k = (z * 5 + y) * 7 + x;
                        float expected = dtype.startsWith("float") ? k * 0.25f - 10
                                : k * 3 % 97 - (dtype.startsWith("int") ? 40 : 0);
                        assertEquals(expected, f.get(x, y), dtype + " page " + z + " (" + x + ", " + y + ")");
                    }
                }
                float[] lib = new float[7 * 5];
                ((TiffMovieReader) r).readWithLibrary(z, lib);
                assertArrayEquals(f.data(), lib, "the TIFF library decodes page " + z + " the same");
            }
        }
    }

    @Test
    void corruptLzwDataIsAnErrorNotAWrongImage() throws Exception {
        Path file = dir.resolve("lzw.tif");
        TiffFiles.write(file, List.of(frame(TiffPixelType.UINT16, 64, 64, 0)), TiffPixelType.UINT16, TiffCompression.LZW);
        byte[] all = Files.readAllBytes(file);
        // the strip follows the 8-byte header; fill most of it with codes beyond the table
        Arrays.fill(all, 16, all.length / 2, (byte) 0xff);
        Files.write(file, all);
        try (MovieReader r = MovieReaders.open(file)) {
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> r.readFrame(0));
            assertEquals(InvalidImageException.Reason.CORRUPT_DATA, e.reason());
            assertTrue(e.getMessage().startsWith(file + ": page 0 (LZW, UINT16) is corrupt: LZW"), e.getMessage());
        }
    }

    @Test
    void truncatedCopyIsReportedAsIncomplete() throws Exception {
        Path full = dir.resolve("full.tif");
        TiffFiles.write(full, 4, z -> frame(TiffPixelType.UINT16, 64, 64, z), TiffPixelType.UINT16, TiffCompression.NONE);
        byte[] all = Files.readAllBytes(full);
        for (int keep : new int[] {all.length - 1, all.length / 2, 100}) {
            Path cut = Files.write(dir.resolve("cut" + keep + ".tif"), Arrays.copyOf(all, keep));
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(cut));
            assertEquals(InvalidImageException.Reason.TRUNCATED, e.reason(), e.getMessage());
            assertTrue(e.mayBeIncomplete());
            assertTrue(e.getMessage().startsWith(cut + " has " + keep + " bytes but "), e.getMessage());
        }
        Path tiny = Files.write(dir.resolve("tiny.tif"), new byte[] {'I', 'I', 42});
        assertEquals(InvalidImageException.Reason.TOO_SHORT,
                assertThrows(InvalidImageException.class, () -> MovieReaders.open(tiny)).reason());
    }

    @Test
    void garbageAndMrcNamedTifAreNotTiff() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 'X';
        Path file = Files.write(dir.resolve("junk.tif"), junk);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(file));
        assertEquals(InvalidImageException.Reason.NOT_RECOGNISED, e.reason());
        assertTrue(e.getMessage().contains(file + " is not a TIFF file"), e.getMessage());
    }

    @Test
    void colourTiffIsRefused() throws Exception {
        Path file = dir.resolve("rgb.tif");
        Python.run("tifffile", "import tifffile,sys,numpy as np\n"
                + "tifffile.imwrite(sys.argv[1], np.zeros((8, 8, 3), np.uint8), photometric='rgb')", file.toString());
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(file));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_DATA, e.reason());
        assertTrue(e.getMessage().contains("3 samples per pixel"), e.getMessage());
    }

    @Test
    void pagesOfDifferentSizesAreRefused() throws Exception {
        Path file = dir.resolve("mixed.tif");
        Python.run("tifffile", "import tifffile,sys,numpy as np\n"
                + "tifffile.imwrite(sys.argv[1], np.zeros((8, 8), np.uint16))\n"
                + "tifffile.imwrite(sys.argv[1], np.zeros((4, 8), np.uint16), append=True)", file.toString());
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(file));
        assertEquals(InvalidImageException.Reason.BAD_DIMENSIONS, e.reason());
        assertTrue(e.getMessage().contains("page 1 of 8 x 4 UINT16 but page 0 is 8 x 8 UINT16"), e.getMessage());
    }

    @Test
    void directoryLoopIsCorrupt() throws Exception {
        Path file = dir.resolve("loop.tif");
        TiffFiles.write(file, List.of(new Frame(4, 4)), TiffPixelType.UINT8, TiffCompression.NONE);
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(all[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xffff;
        b.putInt(ifd + 2 + 12 * n, ifd); // the last directory points to itself
        Files.write(file, all);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> TiffHeaderReader.read(file));
        assertEquals(InvalidImageException.Reason.BAD_HEADER, e.reason());
        assertTrue(e.getMessage().contains("loops"), e.getMessage());
    }

    @Test
    void floatTiffCannotBeWrittenAndSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TiffWriter.to(dir.resolve("f.tif"), TiffPixelType.FLOAT32, TiffCompression.NONE));
        assertTrue(e.getMessage().contains("write float data as MRC"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TiffWriter.to(dir.resolve("p.tif"), TiffPixelType.UINT8, TiffCompression.PACKBITS));
    }

    @Test
    void writerClampsCountsAndIsAtomic() throws Exception {
        Path file = dir.resolve("clip.tif");
        try (TiffWriter w = TiffWriter.to(file, TiffPixelType.UINT8, TiffCompression.LZW).open(4, 1)) {
            w.write(new Frame(4, 1, new float[] {-3, 2.4f, 300, Float.NaN}));
            assertEquals(3, w.clippedValues());
            assertFalse(Files.exists(file), "the target appears only on commit");
            w.commit();
        }
        assertArrayEquals(new float[] {0, 2, 255, 0}, MovieReaders.open(file).readFrame(0).data());
        try (TiffWriter w = TiffWriter.to(dir.resolve("never.tif"), TiffPixelType.UINT8, TiffCompression.NONE).open(4, 1)) {
            w.write(new Frame(4, 1));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "an uncommitted writer leaves nothing behind");
        }
    }

    @Test
    void formatIsRecognisedByExtensionOrContent() throws Exception {
        Path tif = dir.resolve("a.tif");
        TiffFiles.write(tif, List.of(new Frame(4, 4)), TiffPixelType.UINT8, TiffCompression.NONE);
        Path mrc = dir.resolve("a.mrc");
        MrcFiles.write(mrc, List.of(new Frame(4, 4)), MrcMode.FLOAT32, 1);
        assertEquals(ImageFormat.TIFF, ImageFormat.of(Files.copy(tif, dir.resolve("tif.dat"))));
        assertEquals(ImageFormat.MRC, ImageFormat.of(Files.copy(mrc, dir.resolve("mrc.img"))));
        assertEquals(ImageFormat.MRC, ImageFormat.of(dir.resolve("x.MAP")));
        Path eer = Files.write(dir.resolve("m.eer"), new byte[300]);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(eer));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("unsupported image format .eer"), e.getMessage());
        try (MovieReader r = MovieReaders.open(dir.resolve("tif.dat"))) {
            assertEquals(4, r.width());
        }
    }

    @Test
    void readImageWantsASingleFrame() throws Exception {
        Path stack = dir.resolve("s.tif");
        TiffFiles.write(stack, List.of(new Frame(4, 4), new Frame(4, 4)), TiffPixelType.UINT8, TiffCompression.NONE);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.readImage(stack));
        assertTrue(e.getMessage().contains("holds 2 frames where a single image was expected"), e.getMessage());
    }
}
