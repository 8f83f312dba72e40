package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.io.GainOrientation;

class GlobalAlignmentTest {

    @TempDir
    Path dir;

    @Test
    void recoversWholeFrameShiftsToATenthOfAPixel() throws Exception {
        SyntheticMovie movie = new SyntheticMovie(512, 12, 1.5, 7);
        Path file = movie.write(dir.resolve("m.mrc"), 8);
        AlignSettings s = AlignSettings.defaults(12, 1.0, 1.5).withPatches(0, 0);
        try (MovieFrames frames = MovieFrames.open(file, null, null, GainOrientation.IDENTITY, null, null,
                new int[4]); Workers w = new Workers(2, null)) {
            AlignmentData data = AlignmentData.read(frames, s, w, new Timings());
            GlobalAlignment.Result r = GlobalAlignment.align(data, s, w);
            double rms = SyntheticMovie.rmsError(r.shifts(), movie.shifts);
            System.out.println("global rms error " + rms + " px after " + r.iterations() + " iterations "
                    + r.changes() + "; bin " + data.bin());
            assertEquals(0, r.shifts()[0][0], 1e-9);
            assertTrue(rms < 0.1, "rms error " + rms);
        }
    }

    @Test
    void framesOver2048PixelsAreAlignedOnABinnedAndCroppedGrid() throws Exception {
        // NB: 2176 px: binned by 2 to 1088 in real space, then cropped by 2 in Fourier space to 544 (4 movie px each)
        SyntheticMovie movie = new SyntheticMovie(2176, 6, 4, 11);
        Path file = movie.write(dir.resolve("large.mrc"), 12);
        AlignSettings s = AlignSettings.defaults(6, 1.0, 4).withPatches(0, 0);
        try (MovieFrames frames = MovieFrames.open(file, null, null, GainOrientation.IDENTITY, null, null,
                new int[4]); Workers w = new Workers(2, null)) {
            AlignmentData data = AlignmentData.read(frames, s, w, new Timings());
            assertEquals(4, data.bin());
            assertEquals(544, data.width());
            assertEquals(0.5, data.origin(), 1e-12);
            GlobalAlignment.Result r = GlobalAlignment.align(data, s, w);
            double rms = SyntheticMovie.rmsError(r.shifts(), movie.shifts);
            System.out.println("2176 px movie: global rms error " + rms + " px");
            assertTrue(rms < 0.1, "rms error " + rms);
        }
    }

    @Test
    void groupShiftsAreInterpolatedToFrames() {
        double[][] s = GlobalAlignment.interpolate(new double[] {1.5, 5.5}, new double[][] {{0, 0}, {4, -8}}, 8);
        assertEquals(-1.5, s[0][0], 1e-12);
        assertEquals(-0.5, s[1][0], 1e-12);
        assertEquals(5.5, s[7][0], 1e-12);
        assertEquals(-11, s[7][1], 1e-12);
    }

    @Test
    void goodSizesHaveSmallFactors() {
        assertEquals(288, GlobalAlignment.goodEvenSize(279));
        assertEquals(1152, GlobalAlignment.goodEvenSize(1114));
        assertEquals(2, GlobalAlignment.goodEvenSize(1));
    }
}
