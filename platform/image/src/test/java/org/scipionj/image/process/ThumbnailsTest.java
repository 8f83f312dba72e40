package org.scipionj.image.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.FftTest;

class ThumbnailsTest {

    @TempDir
    Path dir;

    @Test
    void pngIsReadableAndFitsTheMaximumSize() throws IOException {
        Frame f = FftTest.random(1000, 600, 1);
        Path file = dir.resolve("mic.png");
        Thumbnails.writePng(f, file, new Thumbnails.Options(256, 0.5, 99.5));
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a readable PNG");
        assertEquals(250, img.getWidth()); // binned by 4, the smallest factor that fits 256
        assertEquals(150, img.getHeight());
        byte[] magic = Files.readAllBytes(file);
        assertEquals((byte) 0x89, magic[0]);
        assertEquals('P', magic[1]);
    }

    @Test
    void contrastIsStretchedBetweenThePercentiles() {
        Frame f = new Frame(200, 1);
        for (int x = 0; x < 200; x++) {
            f.set(x, 0, x);
        }
        f.set(0, 0, -1e6f); // an outlier does not flatten the contrast
        BufferedImage img = Thumbnails.image(f, new Thumbnails.Options(0, 1, 99));
        assertEquals(200, img.getWidth());
        assertEquals(0, img.getRaster().getSample(0, 0, 0));
        assertEquals(0, img.getRaster().getSample(2, 0, 0));
        assertEquals(255, img.getRaster().getSample(199, 0, 0));
        int mid = img.getRaster().getSample(100, 0, 0);
        assertTrue(mid > 115 && mid < 140, "mid grey " + mid);
    }

    @Test
    void powerSpectrumThumbnailShowsACosineAwayFromTheCentre() throws IOException {
        int n = 256;
        Frame f = FftTest.random(n, n, 2);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                f.set(x, y, f.get(x, y) + 20 * (float) Math.cos(2 * Math.PI * 32.0 * x / n));
            }
        }
        Path file = dir.resolve("psd.png");
        Thumbnails.writePowerSpectrumPng(f, file, new Thumbnails.Options(128, 0.5, 99.5));
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(128, img.getWidth());
        // the peaks at kx = +/-32/256 land at 64 +/- 16 after binning by 2
        assertEquals(255, img.getRaster().getSample(64 + 16, 64, 0));
        assertEquals(255, img.getRaster().getSample(64 - 16, 64, 0));
        assertTrue(img.getRaster().getSample(64 + 16, 100, 0) < 200);
    }

    @Test
    void aMissingFolderIsReportedWithTheFileName() {
        Path file = dir.resolve("no/such/folder/x.png");
        IOException e = assertThrows(IOException.class,
                () -> Thumbnails.writePng(new Frame(8, 8), file, Thumbnails.Options.DEFAULT));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Thumbnails.Options(10, 50, 40));
    }
}
