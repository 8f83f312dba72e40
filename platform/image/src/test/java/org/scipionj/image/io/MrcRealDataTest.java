package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads real MRC files from the shared fixtures; expected values are those in their README.md. */
class MrcRealDataTest {

    @Test
    void relion31StackWithoutMapWordOrStamp() throws Exception {
        Path file = RealData.file("cryodrgn_tests/relion31.mrcs");
        MrcHeader h = MrcHeaderReader.read(file);
        assertEquals(256, h.nx());
        assertEquals(256, h.ny());
        assertEquals(5, h.nz());
        assertEquals(2, h.mode());
        assertFalse(h.hasMapWord());
        assertEquals(ByteOrder.LITTLE_ENDIAN, h.byteOrder());
        assertEquals(1.0, h.pixelSizeA(), 1e-9); // cell 256 x 256 x 5: a nominal 1 Å/px
        assertEquals(Files.size(file), h.expectedFileBytes());

        MovieInfo info = MovieHeaders.read(file);
        assertEquals(new MovieInfo(256, 256, 5, 1.0, "mrcs"), info);
    }

    @Test
    void empiarStackWithZeroCell() throws Exception {
        MrcHeader h = MrcHeaderReader.read(RealData.file("cryodrgn_tests/empiar_10076_7.mrc"));
        assertEquals(320, h.nx());
        assertEquals(320, h.ny());
        assertEquals(7, h.nz());
        assertEquals(2, h.mode());
        assertTrue(h.hasMapWord());
        assertEquals(0.0, h.pixelSizeA()); // cell 0 0 0: no pixel size in the header
    }

    @Test
    void float16ParticleStack() throws Exception {
        MrcHeader h = MrcHeaderReader.read(
                RealData.file("relion5_betagal_empiar10204/Extract/job009/Movies/20170629_00021_frameImage.mrcs"));
        assertEquals(64, h.nx());
        assertEquals(64, h.ny());
        assertEquals(242, h.nz());
        assertEquals(12, h.mode());
        assertEquals(3.54, h.pixelSizeA(), 1e-5);
    }

    @Test
    void powerSpectrum() throws Exception {
        MovieInfo info = MovieHeaders.read(
                RealData.file("relion5_betagal_empiar10204/MotionCorr/job002/Movies/20170629_00045_frameImage_PS.mrc"));
        assertEquals(512, info.width());
        assertEquals(512, info.height());
        assertEquals(1, info.frames());
        assertEquals(1.39955, info.pixelSizeA(), 1e-5);
        assertEquals("mrc", info.format());
    }

    @Test
    void binnedMicrograph() throws Exception {
        Path file = RealData.file("micrograph_cleaner_ucsf/mics/Ucsf_stack_1142_DW.mrc");
        MrcHeader h = MrcHeaderReader.read(file);
        assertEquals(959, h.nx());
        assertEquals(927, h.ny());
        assertEquals(1, h.nz());
        assertEquals(2, h.mode());
        assertEquals(1.0, h.pixelSizeA(), 1e-9);
        assertEquals(3_556_996L, Files.size(file));
        assertEquals(3_556_996L, h.expectedFileBytes());
    }

    @Test
    void mapWithExtendedHeaderAndDistinctSampling() throws Exception {
        MrcHeader h = MrcHeaderReader.read(RealData.file("mrcfile_tests/EMD-3001.map"));
        assertEquals(73, h.nx());
        assertEquals(43, h.ny());
        assertEquals(25, h.nz());
        assertEquals(2, h.mode());
        assertEquals(160, h.nsymbt());
        assertEquals(1024 + 160, h.dataOffset());
        assertEquals(40, h.mx());
        assertEquals(12, h.my());
        assertEquals(72, h.mz());
        assertEquals(17.93 / 40, h.pixelSizeA(), 1e-6); // cell / m, not cell / n
    }

    @Test
    void smallEmdbMap() throws Exception {
        MrcHeader h = MrcHeaderReader.read(RealData.file("emdb/EMD-3197.map"));
        assertEquals(20, h.nx());
        assertEquals(20, h.ny());
        assertEquals(20, h.nz());
        assertEquals(11.4, h.pixelSizeA(), 1e-6);
        assertEquals(33_024L, h.expectedFileBytes());
    }

    @Test
    void ctfDiagnosticWithOddCell() throws Exception {
        MrcHeader h = MrcHeaderReader.read(
                RealData.file("relion5_betagal_empiar10204/CtfFind/job005/Movies/20170629_00045_frameImage_PS.ctf"));
        assertEquals(512, h.nx());
        assertEquals(1.0 / 512, h.pixelSizeA(), 1e-9); // cell 1.0: not a real pixel size
    }

    @Test
    void cutCopyOfRealStackIsTruncated(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(RealData.file("cryodrgn_tests/relion31.mrcs"));
        Path cut = dir.resolve("relion31.mrcs");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 4));
        InvalidMovieException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidMovieException.class,
                () -> MovieHeaders.read(cut));
        assertEquals(InvalidMovieException.Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("has " + (all.length - 4) + " bytes but its header promises "
                + all.length + " (256 x 256 x 5, mode 2)"), e.getMessage());
    }
}
