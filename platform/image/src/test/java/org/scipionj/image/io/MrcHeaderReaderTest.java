package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrcHeaderReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "mode {0} {1}")
    @CsvSource({
            "1, LITTLE", "1, BIG",
            "2, LITTLE", "2, BIG",
            "6, LITTLE", "6, BIG",
            "12, LITTLE", "12, BIG",
            "101, LITTLE", "101, BIG",
            "0, LITTLE", "3, BIG", "4, LITTLE"})
    void readsEveryModeInBothByteOrders(int mode, String endian) throws Exception {
        ByteOrder order = endian.equals("BIG") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        MrcTestFiles f = new MrcTestFiles().dims(7, 5, 4).mode(mode).order(order);
        Path file = f.write(dir.resolve("m.mrcs"));

        MrcHeader h = MrcHeaderReader.read(file);

        assertEquals(7, h.nx());
        assertEquals(5, h.ny());
        assertEquals(4, h.nz());
        assertEquals(4, h.frames());
        assertEquals(mode, h.mode());
        assertEquals(order, h.byteOrder());
        assertTrue(h.hasMapWord());
        assertEquals(1.5, h.pixelSizeA(), 1e-6);
        assertEquals(1024, h.dataOffset());
        assertEquals(f.promisedDataBytes(), h.expectedDataBytes());
        assertEquals(Files.size(file), h.expectedFileBytes());
    }

    @Test
    void expectedDataSizePerMode() throws Exception {
        // 7 x 5 x 4 = 140 pixels
        assertEquals(140, header(0).expectedDataBytes());
        assertEquals(280, header(1).expectedDataBytes());
        assertEquals(560, header(2).expectedDataBytes());
        assertEquals(560, header(3).expectedDataBytes());
        assertEquals(1120, header(4).expectedDataBytes());
        assertEquals(280, header(6).expectedDataBytes());
        assertEquals(280, header(12).expectedDataBytes());
        assertEquals(4 * 5 * 4, header(101).expectedDataBytes()); // ceil(7/2) = 4 bytes per row
    }

    private MrcHeader header(int mode) throws Exception {
        return MrcHeaderReader.read(new MrcTestFiles().dims(7, 5, 4).mode(mode).write(dir.resolve("h" + mode + ".mrc")));
    }

    @Test
    void packed4BitEvenWidth() throws Exception {
        MrcHeader h = MrcHeaderReader.read(new MrcTestFiles().dims(4096, 2, 3).mode(101).write(dir.resolve("p.mrc")));
        assertEquals(2048L * 2 * 3, h.expectedDataBytes());
    }

    @Test
    void extendedHeaderShiftsDataOffset() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(10, 10, 2).mode(2);
        f.nsymbt = 131072;
        Path file = f.write(dir.resolve("ext.mrc"));

        MrcHeader h = MrcHeaderReader.read(file);

        assertEquals(131072, h.nsymbt());
        assertEquals(1024 + 131072, h.dataOffset());
        assertEquals(10 * 10 * 2 * 4, h.expectedDataBytes());
    }

    @Test
    void extendedHeaderMissingDataIsTruncated() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(10, 10, 2).mode(2);
        f.nsymbt = 4096;
        Path file = dir.resolve("ext-trunc.mrc");
        byte[] bytes = new byte[1024 + 1504];
        System.arraycopy(f.header(), 0, bytes, 0, 1024);
        Files.write(file, bytes);

        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
        assertEquals(InvalidImageException.Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("has 2528 bytes but its header promises " + (1024 + 4096 + 800)),
                e.getMessage());
    }

    @Test
    void pixelSizeUsesSamplingNotDimensions() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(20, 20, 1);
        f.mx = 10;
        f.cellX = 25f;
        MrcHeader h = MrcHeaderReader.read(f.write(dir.resolve("px.mrc")));
        assertEquals(2.5, h.pixelSizeA(), 1e-9);
    }

    @Test
    void pixelSizeZeroWhenCellOrSamplingMissing() throws Exception {
        MrcTestFiles noCell = new MrcTestFiles();
        noCell.cellX = 0f;
        assertEquals(0.0, MrcHeaderReader.read(noCell.write(dir.resolve("a.mrc"))).pixelSizeA());
        MrcTestFiles noSampling = new MrcTestFiles();
        noSampling.mx = 0;
        assertEquals(0.0, MrcHeaderReader.read(noSampling.write(dir.resolve("b.mrc"))).pixelSizeA());
        MrcTestFiles negativeCell = new MrcTestFiles();
        negativeCell.cellX = -3f;
        assertEquals(0.0, MrcHeaderReader.read(negativeCell.write(dir.resolve("c.mrc"))).pixelSizeA());
    }

    @Test
    void truncatedFileNamesBothSizesAndTheCause() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(100, 80, 40).mode(1);
        f.dataBytes = 5000;
        Path file = f.write(dir.resolve("partial.mrc"));

        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));

        assertEquals(InvalidImageException.Reason.TRUNCATED, e.reason());
        assertTrue(e.mayBeIncomplete());
        assertEquals(file, e.file());
        long promised = 1024 + 100L * 80 * 40 * 2;
        String expected = file + " has " + (1024 + 5000) + " bytes but its header promises " + promised
                + " (100 x 80 x 40, mode 1); the file may still be being written or was cut short";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void oneByteShortIsTruncated() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(8, 8, 2).mode(12);
        f.dataBytes = f.promisedDataBytes() - 1;
        Path file = f.write(dir.resolve("short.mrc"));
        assertEquals(InvalidImageException.Reason.TRUNCATED,
                assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file)).reason());
    }

    @Test
    void trailingBytesAreAccepted() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(8, 8, 2);
        f.dataBytes = f.promisedDataBytes() + 100;
        assertEquals(2, MrcHeaderReader.read(f.write(dir.resolve("long.mrc"))).nz());
    }

    @Test
    void emptyFileIsTooShort() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.mrc"));
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
        assertEquals(InvalidImageException.Reason.TOO_SHORT, e.reason());
        assertTrue(e.mayBeIncomplete());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("only 0 bytes"), e.getMessage());
    }

    @Test
    void fileShorterThanHeaderIsTooShort() throws Exception {
        Path file = dir.resolve("half.mrc");
        Files.write(file, java.util.Arrays.copyOf(new MrcTestFiles().header(), 1023));
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
        assertEquals(InvalidImageException.Reason.TOO_SHORT, e.reason());
        assertTrue(e.getMessage().contains("1023"), e.getMessage());
    }

    @Test
    void garbageIsNotAnMrc() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[208] = 'X'; // make sure there is no MAP word
        Path file = dir.resolve("junk.mrc");
        Files.write(file, junk);

        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));

        assertEquals(InvalidImageException.Reason.NOT_RECOGNISED, e.reason());
        assertFalse(e.mayBeIncomplete());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not an MRC file"),
                e.getMessage());
    }

    @Test
    void textFileIsNotAnMrc() throws Exception {
        Path file = dir.resolve("notes.mrc");
        Files.writeString(file, "hello world\n".repeat(200));
        assertEquals(InvalidImageException.Reason.NOT_RECOGNISED,
                assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file)).reason());
    }

    @Test
    void missingStampDetectedFromPlausibility() throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            MrcTestFiles f = new MrcTestFiles().dims(64, 48, 5).mode(6).order(order);
            f.stamp = false;
            f.mapWord = false;
            MrcHeader h = MrcHeaderReader.read(f.write(dir.resolve("nostamp-" + order + ".mrc")));
            assertEquals(order, h.byteOrder());
            assertEquals(64, h.nx());
            assertEquals(5, h.nz());
            assertFalse(h.hasMapWord());
        }
    }

    @Test
    void wrongStampOverriddenByPlausibility() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(64, 48, 5).order(ByteOrder.BIG_ENDIAN);
        byte[] header = f.header();
        header[212] = 0x44; // claims little-endian, values are big-endian
        header[213] = 0x41;
        Path file = dir.resolve("liar.mrc");
        byte[] all = new byte[(int) (1024 + f.promisedDataBytes())];
        System.arraycopy(header, 0, all, 0, 1024);
        Files.write(file, all);
        MrcHeader h = MrcHeaderReader.read(file);
        assertEquals(ByteOrder.BIG_ENDIAN, h.byteOrder());
        assertEquals(64, h.nx());
    }

    @Test
    void littleEndianStampVariant4441() throws Exception {
        MrcTestFiles f = new MrcTestFiles();
        byte[] header = f.header();
        header[213] = 0x41;
        Path file = dir.resolve("stamp4441.mrc");
        byte[] all = new byte[(int) (1024 + f.promisedDataBytes())];
        System.arraycopy(header, 0, all, 0, 1024);
        Files.write(file, all);
        assertEquals(ByteOrder.LITTLE_ENDIAN, MrcHeaderReader.read(file).byteOrder());
    }

    @Test
    void unknownMode() throws Exception {
        MrcTestFiles f = new MrcTestFiles().mode(5);
        f.dataBytes = 1000;
        Path file = f.write(dir.resolve("mode5.mrc"));
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
        assertEquals(InvalidImageException.Reason.UNKNOWN_MODE, e.reason());
        assertTrue(e.getMessage().contains("unknown MRC mode 5"), e.getMessage());
        assertTrue(e.getMessage().contains("12 (float16)"), e.getMessage());
    }

    @Test
    void zeroAndNegativeAndHugeDimensions() throws Exception {
        int[][] cases = {{0, 10, 10}, {10, -1, 10}, {10, 10, 0}, {100_001, 10, 10}};
        for (int[] c : cases) {
            MrcTestFiles f = new MrcTestFiles().dims(c[0], c[1], c[2]);
            f.dataBytes = 100;
            Path file = f.write(dir.resolve("dims" + c[0] + "_" + c[1] + "_" + c[2] + ".mrc"));
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file));
            assertEquals(InvalidImageException.Reason.BAD_DIMENSIONS, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(c[0] + " x " + c[1] + " x " + c[2]), e.getMessage());
        }
    }

    @Test
    void largestAxisIsAccepted() throws Exception {
        MrcTestFiles f = new MrcTestFiles().dims(100_000, 1, 1).mode(0);
        assertEquals(100_000, MrcHeaderReader.read(f.write(dir.resolve("wide.mrc"))).nx());
    }

    @Test
    void negativeExtendedHeader() throws Exception {
        MrcTestFiles f = new MrcTestFiles();
        f.nsymbt = -8;
        f.dataBytes = f.promisedDataBytes() + 100;
        byte[] all = new byte[(int) (1024 + f.dataBytes)];
        System.arraycopy(f.header(), 0, all, 0, 1024);
        Path file = dir.resolve("neg.mrc");
        Files.write(file, all);
        assertEquals(InvalidImageException.Reason.BAD_HEADER,
                assertThrows(InvalidImageException.class, () -> MrcHeaderReader.read(file)).reason());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> MrcHeaderReader.read(dir.resolve("nope.mrc")));
    }

    @Test
    void folderIsAnIoError() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.mrc"));
        assertThrows(IOException.class, () -> MrcHeaderReader.read(sub));
    }
}
