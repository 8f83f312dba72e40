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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scipionj.image.Frame;

class MrcRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> modesAndOrders() {
        List<Arguments> out = new ArrayList<>();
        for (MrcMode m : MrcMode.values()) {
            if (m.isReal()) {
                out.add(Arguments.of(m, ByteOrder.LITTLE_ENDIAN));
                out.add(Arguments.of(m, ByteOrder.BIG_ENDIAN));
            }
        }
        return out.stream();
    }

    /** Values the mode stores exactly, different in every pixel and frame (an asymmetric test image). */
    static Frame frame(MrcMode mode, int w, int h, int z) {
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = x + 3 * y + 7 * z;
                float v = switch (mode) {
                    case INT8 -> k % 200 - 100;
                    case INT16 -> (k * 911) % 60000 - 30000;
                    case UINT16 -> (k * 911) % 65536;
                    case FLOAT16 -> (k % 400 - 200) * 0.25f;
                    case PACKED_4BIT -> k % 16;
                    default -> (float) Math.sin(k) * 1000 + k * 1e-3f;
                };
                f.set(x, y, v);
            }
        }
        return f;
    }

    @ParameterizedTest(name = "mode {0} {1}")
    @MethodSource("modesAndOrders")
    void everyModeRoundTripsInBothByteOrders(MrcMode mode, ByteOrder order) throws Exception {
        int w = 7; // odd: the 4-bit mode pads each row to a whole byte
        int h = 5;
        List<Frame> frames = List.of(frame(mode, w, h, 0), frame(mode, w, h, 1), frame(mode, w, h, 2));
        Path file = dir.resolve("m" + mode.code() + order + ".mrcs");
        MrcHeader written;
        try (MrcWriter wr = MrcWriter.to(file).mode(mode).byteOrder(order).pixelSize(1.25).label("round trip")
                .label("second label").origin(1.5f, -2f, 3f).open(w, h)) {
            for (Frame f : frames) {
                wr.write(f);
            }
            assertEquals(0, wr.clippedValues());
            written = wr.commit();
        }

        MrcHeader h2 = MrcHeaderReader.read(file);
        assertEquals(written, h2);
        assertEquals(order, h2.byteOrder());
        assertEquals(order == ByteOrder.LITTLE_ENDIAN ? 0x44440000 : 0x11110000, h2.machineStamp());
        assertEquals(mode.code(), h2.mode());
        assertEquals(List.of(7, 5, 3), List.of(h2.nx(), h2.ny(), h2.nz()));
        assertEquals(1.25, h2.pixelSizeA(), 1e-6);
        assertEquals(List.of("round trip", "second label"), h2.labels());
        assertEquals(List.of(1.5f, -2f, 3f), List.of(h2.originX(), h2.originY(), h2.originZ()));
        assertEquals(0, h2.ispg());
        assertEquals(1, h2.mz());
        assertEquals(20140, h2.nversion());
        assertEquals(Files.size(file), h2.expectedFileBytes());

        double[] expected = stats(frames);
        assertEquals(expected[0], h2.dmean(), 1e-3 * Math.max(1, Math.abs(expected[0])));
        assertEquals(expected[1], h2.rms(), 1e-4 * expected[1]);
        assertEquals((float) expected[2], h2.dmin());
        assertEquals((float) expected[3], h2.dmax());

        try (MovieReader r = MovieReaders.open(file)) {
            assertEquals(3, r.frames());
            for (int z = 0; z < 3; z++) {
                assertArrayEquals(frames.get(z).data(), r.readFrame(z).data(), "frame " + z);
            }
        }
        if (mode != MrcMode.PACKED_4BIT) { // NB: mrcfile 1.4 does not support mode 101
            Python.assertValidMrc(file);
        }
    }

    private static double[] stats(List<Frame> frames) {
        double s = 0;
        double ss = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long n = 0;
        for (Frame f : frames) {
            for (float v : f.data()) {
                s += v;
                ss += (double) v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(ss / n - mean * mean), min, max};
    }

    @Test
    void mrcfileReadsTheSameValues() throws Exception {
        Path file = dir.resolve("check.mrc");
        List<Frame> frames = List.of(frame(MrcMode.FLOAT32, 9, 4, 0), frame(MrcMode.FLOAT32, 9, 4, 1));
        MrcFiles.write(file, frames, MrcMode.FLOAT32, 0.83, "python check");
        String out = Python.run("mrcfile", "import mrcfile,sys\n"
                + "m = mrcfile.open(sys.argv[1])\n"
                + "print(m.data.shape, repr(float(m.data[1, 3, 8])), repr(float(m.data[0, 0, 1])), float(m.voxel_size.x))",
                file.toString()).strip();
        assertEquals("(2, 4, 9) " + (double) frames.get(1).get(8, 3) + " " + (double) frames.get(0).get(1, 0) + " "
                + (double) 0.83f, out);
    }

    @Test
    void mrcfileWrittenFileReadsBack() throws Exception {
        Path file = dir.resolve("py.mrcs");
        Python.run("mrcfile", "import mrcfile,sys,numpy as np\n"
                + "a = (np.arange(2*3*5, dtype=np.int16).reshape(2, 3, 5) * 7 - 50)\n"
                + "with mrcfile.new(sys.argv[1]) as m:\n"
                + "    m.set_data(a)\n"
                + "    m.set_image_stack()\n"
                + "    m.voxel_size = 2.5\n", file.toString());
        try (MovieReader r = MovieReaders.open(file)) {
            assertEquals(List.of(5, 3, 2), List.of(r.width(), r.height(), r.frames()));
            assertEquals(2.5, r.pixelSizeA(), 1e-6);
            Frame f = r.readFrame(1);
            assertEquals((15 + 2 * 5 + 4) * 7 - 50, f.get(4, 2));
        }
    }

    @Test
    void packedNibblesLowFirstAndRowsStartOnByteBoundary() throws Exception {
        Frame f = new Frame(3, 2, new float[] {1, 2, 3, 4, 5, 6});
        Path file = dir.resolve("p.mrc");
        MrcFiles.write(file, List.of(f), MrcMode.PACKED_4BIT, 1.0);
        byte[] all = Files.readAllBytes(file);
        assertEquals(1024 + 4, all.length);
        assertEquals(0x21, all[1024] & 0xff); // pixels 1, 2
        assertEquals(0x03, all[1025] & 0xff); // pixel 3, padding nibble
        assertEquals(0x54, all[1026] & 0xff);
        assertEquals(0x06, all[1027] & 0xff);
    }

    @Test
    void extendedHeaderIsSkippedAndValid() throws Exception {
        byte[] ext = new byte[1024];
        java.util.Arrays.fill(ext, (byte) 0x7f);
        Path file = dir.resolve("ext.mrcs");
        Frame f = frame(MrcMode.FLOAT32, 6, 4, 0);
        try (MrcWriter w = MrcWriter.to(file).extendedHeader(ext, "SERI").open(6, 4)) {
            w.write(f);
            w.commit();
        }
        MrcHeader h = MrcHeaderReader.read(file);
        assertEquals(1024, h.nsymbt());
        assertEquals("SERI", h.exttyp());
        assertEquals(2048, h.dataOffset());
        assertArrayEquals(f.data(), MrcFiles.readAll(file).get(0).data());
        Python.assertValidMrc(file);
    }

    @Test
    void volumeHasSpaceGroupOneAndMzEqualsNz() throws Exception {
        Path file = dir.resolve("vol.mrc");
        try (MrcWriter w = MrcWriter.to(file).volume(true).pixelSize(2).open(4, 4)) {
            for (int z = 0; z < 4; z++) {
                w.write(frame(MrcMode.FLOAT32, 4, 4, z));
            }
            w.commit();
        }
        MrcHeader h = MrcHeaderReader.read(file);
        assertEquals(1, h.ispg());
        assertEquals(4, h.mz());
        assertEquals(8f, h.cellZ());
        Python.assertValidMrc(file);
    }

    @Test
    void largeStackFromSupplierStreamsFrameByFrame() throws Exception {
        Path file = dir.resolve("movie.mrcs");
        MrcHeader h = MrcFiles.write(file, 24, z -> frame(MrcMode.INT16, 64, 48, z), MrcMode.INT16, 1.0,
                "simulated");
        assertEquals(24, h.nz());
        try (MrcMovieReader r = MrcFiles.open(file)) {
            float[] buf = new float[64 * 48];
            for (int z = 0; z < 24; z++) {
                r.readFrame(z, buf);
                assertArrayEquals(frame(MrcMode.INT16, 64, 48, z).data(), buf);
            }
        }
        Python.assertValidMrc(file);
    }

    @Test
    void integerModesClampAndCount() throws Exception {
        Frame f = new Frame(4, 1, new float[] {-5, 1.6f, 70000, Float.NaN});
        Path file = dir.resolve("clip.mrc");
        try (MrcWriter w = MrcWriter.to(file).mode(MrcMode.UINT16).open(4, 1)) {
            w.write(f);
            assertEquals(3, w.clippedValues());
            w.commit();
        }
        assertArrayEquals(new float[] {0, 2, 65535, 0}, MrcFiles.readAll(file).get(0).data());
    }

    @Test
    void float16RoundsToNearest() throws Exception {
        Frame f = new Frame(3, 1, new float[] {1.0004883f, 70000f, 1e-8f});
        Path file = dir.resolve("h.mrc");
        MrcFiles.write(file, List.of(f), MrcMode.FLOAT16, 1);
        float[] back = MrcFiles.readAll(file).get(0).data();
        assertEquals(1.0f, back[0]); // the tie rounds to the even neighbour
        assertEquals(Float.POSITIVE_INFINITY, back[1]);
        assertEquals(0f, back[2]);
    }

    @Test
    void atomicWriteShowsNothingUntilCommitAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a.mrc");
        try (MrcWriter w = MrcWriter.to(file).open(4, 4)) {
            w.write(new Frame(4, 4));
            assertFalse(Files.exists(file), "the target appears only on commit");
            w.commit();
        }
        assertTrue(Files.exists(file));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain"))),
                    Files.getPosixFilePermissions(file), "permissions follow the umask, as for any new file");
            Files.delete(dir.resolve("plain"));
        }
        try (MrcWriter w = MrcWriter.to(file).open(8, 8)) {
            w.write(new Frame(8, 8));
            // closed without commit: the old file stays, the new one is discarded
        }
        assertEquals(4, MrcHeaderReader.read(file).nx());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void commitReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("r.mrc");
        MrcFiles.write(file, List.of(new Frame(4, 4)), MrcMode.FLOAT32, 1);
        MrcFiles.write(file, List.of(new Frame(6, 2)), MrcMode.INT16, 1);
        assertEquals(6, MrcHeaderReader.read(file).nx());
    }

    @Test
    void inPlaceWriteAnnouncesItsSizeSoAGrowingFileIsTruncated() throws Exception {
        Path file = dir.resolve("growing.mrcs");
        try (MrcWriter w = MrcWriter.to(file).atomic(false).frames(3).mode(MrcMode.INT16).open(16, 16)) {
            w.write(new Frame(16, 16));
            assertTrue(Files.exists(file));
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
            assertEquals(InvalidImageException.Reason.TRUNCATED, e.reason());
            assertTrue(e.mayBeIncomplete());
            w.write(new Frame(16, 16));
            w.write(new Frame(16, 16));
            assertThrows(IllegalStateException.class, () -> w.write(new Frame(16, 16)));
            w.commit();
        }
        assertEquals(3, MrcHeaderReader.read(file).nz());
        Python.assertValidMrc(file);
    }

    @Test
    void writerRefusesWhatItCannotWrite() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> MrcWriter.to(dir.resolve("c.mrc")).mode(MrcMode.COMPLEX_FLOAT32));
        assertThrows(IllegalStateException.class, () -> MrcWriter.to(dir.resolve("x.mrc")).atomic(false).open(4, 4));
        assertThrows(IllegalArgumentException.class, () -> MrcWriter.to(dir.resolve("x.mrc")).open(0, 4));
        try (MrcWriter w = MrcWriter.to(dir.resolve("y.mrc")).frames(2).open(4, 4)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(new Frame(5, 4)));
            w.write(new Frame(4, 4));
            IllegalStateException e = assertThrows(IllegalStateException.class, w::commit);
            assertTrue(e.getMessage().contains("1 frames written but 2 declared"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("y.mrc")));
    }

    @Test
    void concurrentReadsGiveTheSameFrames() throws Exception {
        Path file = dir.resolve("c.mrcs");
        MrcFiles.write(file, 16, z -> frame(MrcMode.FLOAT32, 128, 64, z), MrcMode.FLOAT32, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MovieReader r = MovieReaders.open(file)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int z = t % 16;
                results.add(pool.submit(() -> java.util.Arrays.equals(r.readFrame(z).data(),
                        frame(MrcMode.FLOAT32, 128, 64, z).data())));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void imodUnsignedBytesAreReadUnsigned() throws Exception {
        Path file = dir.resolve("imod.mrc");
        MrcFiles.write(file, List.of(new Frame(2, 1, new float[] {-1, 5})), MrcMode.INT8, 1);
        byte[] all = Files.readAllBytes(file);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(152, 1146047817).putInt(156, 0);
        Files.write(file, all);
        assertArrayEquals(new float[] {255, 5}, MrcFiles.readAll(file).get(0).data());
    }

    @Test
    void complexModeCannotBeReadAsFrames() throws Exception {
        Path file = new MrcTestFiles().dims(4, 4, 1).mode(4).write(dir.resolve("complex.mrc"));
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MovieReaders.open(file));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_DATA, e.reason());
        assertTrue(e.getMessage().contains("complex"), e.getMessage());
    }

    @Test
    void frameIndexAndBufferAreChecked() throws Exception {
        Path file = dir.resolve("i.mrc");
        MrcFiles.write(file, List.of(new Frame(4, 4)), MrcMode.FLOAT32, 1);
        try (MovieReader r = MovieReaders.open(file)) {
            assertThrows(IndexOutOfBoundsException.class, () -> r.readFrame(1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.readFrame(-1));
            assertThrows(IllegalArgumentException.class, () -> r.readFrame(0, new float[15]));
        }
    }
}
