package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;

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
        assertEquals(0, h.machineStamp());
        assertEquals(List.of(), h.labels());

        // data per mrcfile 1.4.3: mean 0.010766, std 1.013051, [0,0,0..2] = 0.285425, 0.929903, -0.199158
        try (MovieReader r = MovieReaders.open(file)) {
            assertEquals(5, r.frames());
            Frame f = r.readFrame(0);
            assertEquals(0.28542500734329224f, f.get(0, 0));
            assertEquals(0.9299029111862183f, f.get(1, 0));
            assertEquals(-0.1991584748029709f, f.get(2, 0));
            assertEquals(-0.8011943101882935f, r.readFrame(4).get(255, 255));
            double[] ms = Stats.meanStd(r);
            assertEquals(0.010766, ms[0], 1e-6);
            assertEquals(1.013051, ms[1], 1e-6);
        }
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
        assertEquals(0x44440000, h.machineStamp());
        assertEquals(List.of("Created by mrcfile.py                                       2022-11-19 21:21:56"),
                h.labels());
        try (MovieReader r = MovieReaders.open(RealData.file("cryodrgn_tests/empiar_10076_7.mrc"))) {
            assertEquals(0.6822134256362915f, r.readFrame(0).get(0, 0));
            assertEquals(0.007060451898723841f, r.readFrame(3).get(7, 10));
            double[] ms = Stats.meanStd(r);
            assertEquals(-0.003434, ms[0], 1e-6);
            assertEquals(1.005142, ms[1], 1e-6);
        }
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
        assertEquals(List.of("Relion    30-Aug-24  17:46:13"), h.labels());
        assertEquals(ByteOrder.LITTLE_ENDIAN, h.byteOrder());
        assertEquals(0x44410000, h.machineStamp());
        // float16 data per mrcfile 1.4.3: all finite, min -5.95703125, max 8.78125, mean 0.053113, std 1.029787
        try (MovieReader r = MovieReaders.open(RealData.file(
                "relion5_betagal_empiar10204/Extract/job009/Movies/20170629_00021_frameImage.mrcs"))) {
            Frame first = r.readFrame(0);
            assertEquals(2.07421875f, first.get(0, 0));
            assertEquals(0.509765625f, first.get(1, 0));
            assertEquals(-0.41015625f, first.get(2, 0));
            assertEquals(0.052001953125f, r.readFrame(121).get(7, 10));
            assertEquals(1.5908203125f, r.readFrame(241).get(63, 63));
            double[] ms = Stats.meanStd(r);
            assertEquals(0.053113, ms[0], 1e-6);
            assertEquals(1.029787, ms[1], 1e-6);
            assertEquals(-5.95703125, ms[2]);
            assertEquals(8.78125, ms[3]);
        }
    }

    @Test
    void powerSpectrum() throws Exception {
        MovieReader info = MovieReaders.open(
                RealData.file("relion5_betagal_empiar10204/MotionCorr/job002/Movies/20170629_00045_frameImage_PS.mrc"));
        assertEquals(512, info.width());
        assertEquals(512, info.height());
        assertEquals(1, info.frames());
        assertEquals(1.39955, info.pixelSizeA(), 1e-5);
        assertEquals(0.0034815024118870497f, info.readFrame(0).get(0, 0));
        assertEquals(0.003501755651086569f, info.readFrame(0).get(7, 10));
        double[] ms = Stats.meanStd(info);
        assertEquals(0.003457, ms[0], 1e-6);
        assertEquals(1.28243088722229, ms[3], 1e-7);
        info.close();
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
        // README / mrcfile: values 6768..6822, mean 6802, std 8.9
        try (MovieReader r = MovieReaders.open(file)) {
            Frame f = r.readFrame(0);
            assertEquals(6800.50341796875f, f.get(0, 0));
            assertEquals(6806.32080078125f, f.get(1, 0));
            assertEquals(6804.57275390625f, f.get(7, 10));
            assertEquals(6802.44189453125f, f.get(958, 926));
            double[] ms = Stats.meanStd(r);
            assertEquals(6802.126417, ms[0], 1e-5);
            assertEquals(8.896080, ms[1], 1e-5);
            assertEquals(6768.20263671875, ms[2]);
            assertEquals(6822.00439453125, ms[3]);
        }
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
        assertEquals(List.of(3, 1, 2), List.of(h.mapc(), h.mapr(), h.maps()));
        assertEquals(4, h.ispg());
        assertEquals(List.of(0, -21, -12), List.of(h.nxStart(), h.nyStart(), h.nzStart()));
        // data start after the 160-byte extended header (values per mrcfile 1.4.3)
        try (MovieReader r = MovieReaders.open(RealData.file("mrcfile_tests/EMD-3001.map"))) {
            assertEquals(0.04283447191119194f, r.readFrame(0).get(0, 0));
            assertEquals(0.07815412431955338f, r.readFrame(12).get(7, 10));
            assertEquals(0.06724497675895691f, r.readFrame(24).get(72, 42));
            double[] ms = Stats.meanStd(r);
            assertEquals(0.000533, ms[0], 1e-6);
            assertEquals(0.157057, ms[1], 1e-6);
        }
    }

    @Test
    void smallEmdbMap() throws Exception {
        MrcHeader h = MrcHeaderReader.read(RealData.file("emdb/EMD-3197.map"));
        assertEquals(20, h.nx());
        assertEquals(20, h.ny());
        assertEquals(20, h.nz());
        assertEquals(11.4, h.pixelSizeA(), 1e-6);
        assertEquals(33_024L, h.expectedFileBytes());
        assertEquals(List.of("::::EMDATABANK.org::::EMD-3197::::"), h.labels());
        try (MovieReader r = MovieReaders.open(RealData.file("emdb/EMD-3197.map"))) {
            assertEquals(-1.8013091087341309f, r.readFrame(0).get(0, 0));
            double[] ms = Stats.meanStd(r);
            assertEquals(h.dmean(), ms[0], 1e-6); // the header's statistics are right for this map
            assertEquals(h.rms(), ms[1], 1e-6);
            assertEquals(h.dmin(), ms[2], 0);
            assertEquals(h.dmax(), ms[3], 0);
        }
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
        InvalidImageException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidImageException.class,
                () -> MovieReaders.open(cut));
        assertEquals(InvalidImageException.Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("has " + (all.length - 4) + " bytes but its header promises "
                + all.length + " (256 x 256 x 5, mode 2)"), e.getMessage());
    }
}
