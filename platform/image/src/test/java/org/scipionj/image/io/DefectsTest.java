package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.Frame;

class DefectsTest {

    @TempDir
    Path dir;

    /** A smooth ramp, so a neighbourhood median is close to the true value. */
    static Frame ramp(int w, int h) {
        Frame f = new Frame(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                f.set(x, y, 100 + x + 2 * y);
            }
        }
        return f;
    }

    @Test
    void badColumnFromADefectFileIsRepairedFromItsNeighbours() throws Exception {
        Path file = Files.writeString(dir.resolve("defects.txt"), "# x y w h\n\n5 0 1 20\n 2,3,2,2 \n");
        Defects d = Defects.readFile(file, 16, 20);
        assertEquals(20 + 4, d.count());
        assertTrue(d.isBad(5, 19));
        assertTrue(d.isBad(3, 4));
        assertFalse(d.isBad(4, 4));
        Frame truth = ramp(16, 20);
        Frame f = truth.copy();
        for (int y = 0; y < 20; y++) {
            f.set(5, y, 60000); // a hot column
        }
        f.set(2, 3, 0);
        d.repair(f.data());
        for (int y = 1; y < 19; y++) {
            assertEquals(truth.get(5, y), f.get(5, y), 1e-4, "column pixel " + y); // symmetric neighbours
        }
        assertEquals(truth.get(2, 3), f.get(2, 3), 2.5);
    }

    @Test
    void largeBlockIsFilledFromTheNearestGoodRing() {
        Frame map = new Frame(32, 32);
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 20; x++) {
                map.set(x, y, 1);
            }
        }
        Defects d = Defects.fromMap(map);
        assertEquals(100, d.count());
        Frame f = new Frame(32, 32);
        java.util.Arrays.fill(f.data(), 7f);
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 20; x++) {
                f.set(x, y, -1000);
            }
        }
        d.repair(f.data());
        for (float v : f.data()) {
            assertEquals(7f, v);
        }
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1 2 3 4\nten 2 3 4\n");
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> Defects.readFile(file, 16, 16));
        assertTrue(e.getMessage().startsWith(file + " line 2: 'ten 2 3 4' is not a defect rectangle 'x y w h'"),
                e.getMessage());
    }

    @Test
    void rectangleOutsideTheFrameNamesFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "4090 10 10 1\n");
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> Defects.readFile(file, 4096, 4096));
        assertTrue(e.getMessage().contains("line 1: defect rectangle x=4090 y=10 w=10 h=1 does not lie inside the 4096 x 4096"),
                e.getMessage());
    }

    @Test
    void unionOfFileAndMap() throws Exception {
        Frame map = new Frame(8, 8);
        map.set(7, 7, 1);
        Defects d = Defects.readFile(Files.writeString(dir.resolve("d.txt"), "0 0 2 1\n"), 8, 8).and(Defects.fromMap(map));
        assertEquals(3, d.count());
        assertEquals(0, Defects.none(8, 8).count());
    }
}
