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
        Aligned a = align(file, AlignSettings.defaults(12, 1.0, 1.5).withPatches(0, 0));
        double rms = SyntheticMovie.rmsError(a.result().shifts(), movie.shifts);
        System.out.println("global rms error " + rms + " px after " + a.result().iterations() + " iterations "
                + a.result().changes() + "; bin " + a.data().bin());
        assertEquals(0, a.result().shifts()[0][0], 1e-9);
        assertTrue(rms < 0.1, "rms error " + rms);
    }

    @Test
    void framesOver2048PixelsAreAlignedOnABinnedAndCroppedGrid() throws Exception {
        // NB: 2176 px: binned by 2 to 1088 in real space, then cropped by 2 in Fourier space to 544 (4 movie px each)
        SyntheticMovie movie = new SyntheticMovie(2176, 6, 4, 11);
        Path file = movie.write(dir.resolve("large.mrc"), 12);
        Aligned a = align(file, AlignSettings.defaults(6, 1.0, 4).withPatches(0, 0));
        assertEquals(4, a.data().bin());
        assertEquals(544, a.data().width());
        assertEquals(0.5, a.data().origin(), 1e-12);
        double rms = SyntheticMovie.rmsError(a.result().shifts(), movie.shifts);
        System.out.println("2176 px movie: global rms error " + rms + " px");
        assertTrue(rms < 0.1, "rms error " + rms);
    }

    private record Aligned(AlignmentData data, GlobalAlignment.Result result) {
    }

    /** Pass 1 and the global alignment of {@code file} with {@code s}, on 2 threads. */
    private static Aligned align(Path file, AlignSettings s) throws Exception {
        try (MovieFrames frames = MovieFrames.open(file, null, null, GainOrientation.IDENTITY, null, null,
                new int[4]); Workers w = new Workers(2, null)) {
            AlignmentData data = AlignmentData.read(frames, s, w, new Timings());
            return new Aligned(data, GlobalAlignment.align(data, s, w));
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
