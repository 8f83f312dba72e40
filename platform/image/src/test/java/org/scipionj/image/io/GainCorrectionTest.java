package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scipionj.image.Frame;

class GainCorrectionTest {

    @TempDir
    Path dir;

    // A 3 x 2 gain, row 0 = a b c, row 1 = d e f, with a..f = 1..6.
    static final Frame GAIN = new Frame(3, 2, new float[] {1, 2, 3, 4, 5, 6});

    /**
     * Expected results, worked out by hand from the convention in {@link GainRotation} (counter-clockwise
     * with y up, then the flip), written as rows from row 0.
     */
    @ParameterizedTest(name = "rot {0} flip {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 0 | 3 | 1 2 3 4 5 6",
            "1 | 0 | 2 | 4 1 5 2 6 3",
            "2 | 0 | 3 | 6 5 4 3 2 1",
            "3 | 0 | 2 | 3 6 2 5 1 4",
            "0 | 1 | 3 | 4 5 6 1 2 3",
            "0 | 2 | 3 | 3 2 1 6 5 4",
            "1 | 1 | 2 | 6 3 5 2 4 1",
            "1 | 2 | 2 | 1 4 2 5 3 6",
            "2 | 1 | 3 | 3 2 1 6 5 4",
            "2 | 2 | 3 | 4 5 6 1 2 3",
            "3 | 1 | 2 | 1 4 2 5 3 6",
            "3 | 2 | 2 | 6 3 5 2 4 1"})
    void everyRotationAndFlipOfAnAsymmetricGain(int rot, int flip, int width, String rows) {
        Frame out = GainOrientation.of(rot, flip).apply(GAIN);
        assertEquals(width, out.width());
        assertEquals(6 / width, out.height());
        float[] expected = new float[6];
        String[] v = rows.trim().split(" ");
        for (int i = 0; i < 6; i++) {
            expected[i] = Float.parseFloat(v[i]);
        }
        assertArrayEquals(expected, out.data());
    }

    @Test
    void rotationByNinetyMovesTheBottomRightPixelToTheTopRight() {
        // y up: (x, y) = (2, 0) is bottom right; rotated 90° counter-clockwise it is top right, (1, 2)
        Frame out = new GainOrientation(GainRotation.CCW_90, GainFlip.NONE).apply(GAIN);
        assertEquals(3f, out.get(1, 2));
        assertEquals(GainRotation.CCW_90, GainRotation.of(1));
        assertEquals(270, GainRotation.of(3).degrees());
        assertThrows(IllegalArgumentException.class, () -> GainRotation.of(4));
        assertThrows(IllegalArgumentException.class, () -> GainFlip.of(3));
    }

    @Test
    void gainMultipliesAndDarkIsSubtractedInTheMovieOrientation() throws Exception {
        // movie frames are 2 x 3, the gain is stored as 3 x 2: gainRot 1 turns it into the movie's orientation
        GainOrientation o = GainOrientation.of(1, 0);
        Frame dark = new Frame(3, 2, new float[] {0.5f, 0, 0, 0, 0, 1});
        GainCorrection gc = GainCorrection.builder(2, 3).gain(GAIN, o, null).dark(dark, o, null).build();
        Frame raw = new Frame(2, 3, new float[] {10, 10, 10, 10, 10, 10});
        gc.apply(raw);
        // oriented gain: 4 1 / 5 2 / 6 3 ; oriented dark: 0 0.5 / 0 0 / 1 0
        assertArrayEquals(new float[] {40, 9.5f, 50, 20, 54, 30}, raw.data());
        assertArrayEquals(new float[] {4, 1, 5, 2, 6, 3}, gc.orientedGain().data());
    }

    @Test
    void gainInTheWrongOrientationSaysWhichRotationFits() {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> GainCorrection.builder(2, 3).gain(GAIN, GainOrientation.IDENTITY, Path.of("/data/gain.mrc")));
        assertEquals(InvalidImageException.Reason.BAD_DIMENSIONS, e.reason());
        assertTrue(e.getMessage().startsWith("/data/gain.mrc is a 3 x 2 gain reference; with rotation 0°"
                + " counter-clockwise, no flip it is 3 x 2 but the movie frames are 2 x 3; gainRot 1 (90°)"
                + " or 3 (270°) would fit"), e.getMessage());
    }

    @Test
    void gainThatFitsNoOrientationSaysSo() {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> GainCorrection.builder(4, 4).gain(GAIN, GainOrientation.of(1, 2), Path.of("gain.tif")));
        assertTrue(e.getMessage().contains("it fits the movie in no orientation (0/90/180/270°)"), e.getMessage());
        assertTrue(e.getMessage().contains("gain.tif is a 3 x 2 gain reference"), e.getMessage());
    }

    @Test
    void loadsReferencesFromMrcAndTiffFiles() throws Exception {
        Path gain = dir.resolve("gain.mrc");
        MrcFiles.write(gain, List.of(GAIN), MrcMode.FLOAT32, 1);
        Path dark = dir.resolve("dark.tif");
        TiffFiles.write(dark, List.of(new Frame(3, 2, new float[] {1, 1, 1, 1, 1, 1})), TiffPixelType.UINT8,
                TiffCompression.LZW);
        Path defects = Files.writeString(dir.resolve("defects.txt"), "# one hot pixel\n0 0 1 1\n");
        GainCorrection gc = GainCorrection.load(3, 2, gain, GainOrientation.IDENTITY, dark, defects, null);
        Frame raw = new Frame(3, 2, new float[] {1000, 3, 3, 3, 3, 3});
        gc.apply(raw);
        // (3 - 1) * gain; the defect at (0, 0) gets the median of its good neighbours within 2 px: 4, 6, 8, 10, 12
        assertArrayEquals(new float[] {8, 4, 6, 8, 10, 12}, raw.data());
    }

    @Test
    void defectMapMustMatchTheMovie() throws Exception {
        Path map = dir.resolve("map.mrc");
        MrcFiles.write(map, List.of(new Frame(4, 4)), MrcMode.INT8, 1);
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> GainCorrection.load(3, 2, null, GainOrientation.IDENTITY, null, null, map));
        assertTrue(e.getMessage().contains("is a 4 x 4 defect map but the movie frames are 3 x 2"), e.getMessage());
    }

    @Test
    void stackAsGainIsRefused() throws Exception {
        Path gain = dir.resolve("stack.mrcs");
        MrcFiles.write(gain, List.of(GAIN, GAIN), MrcMode.FLOAT32, 1);
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> GainCorrection.load(3, 2, gain, GainOrientation.IDENTITY, null, null, null));
        assertTrue(e.getMessage().contains("holds 2 frames where a single image was expected"), e.getMessage());
    }

    @Test
    void frameOfAnotherSizeIsRefused() throws Exception {
        GainCorrection gc = GainCorrection.builder(3, 2).gain(GAIN, GainOrientation.IDENTITY, null).build();
        assertThrows(IllegalArgumentException.class, () -> gc.apply(new Frame(2, 3)));
    }
}
