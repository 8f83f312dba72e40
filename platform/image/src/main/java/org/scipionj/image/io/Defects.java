package org.scipionj.image.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.scipionj.image.Frame;

/**
 * The bad pixels of a camera, in movie-frame coordinates, and their repair: each is replaced by the
 * median of the nearest good pixels (the smallest square ring around it that holds at least
 * {@value #MIN_NEIGHBOURS} good ones, up to {@value #MAX_RADIUS} pixels away). Built from a
 * MotionCor2-style defect file (lines {@code x y w h}: first column, first row, width and height of
 * a rectangle, 0-based, rows as stored in the frame) and/or a defect map image (non-zero = bad).
 * The neighbourhoods are computed once, so {@link #repair(float[])} is cheap. Immutable, so
 * thread-safe.
 *
 * <pre>{@code
 * Defects d = Defects.readFile(Path.of("defects.txt"), 4096, 4096);
 * d.repair(frame.data());
 * }</pre>
 */
public final class Defects {

    /** Good neighbours wanted per bad pixel. */
    public static final int MIN_NEIGHBOURS = 4;

    /** Farthest ring searched. */
    public static final int MAX_RADIUS = 32;

    private final int width;
    private final int height;
    private final int[] bad;
    private final int[] neighbourStart;
    private final int[] neighbours;

    private Defects(int width, int height, BitSet mask) {
        this.width = width;
        this.height = height;
        this.bad = mask.stream().toArray();
        this.neighbourStart = new int[bad.length + 1];
        int[] buf = new int[Math.max(16, bad.length * MIN_NEIGHBOURS * 2)];
        int used = 0;
        for (int i = 0; i < bad.length; i++) {
            neighbourStart[i] = used;
            int x0 = bad[i] % width;
            int y0 = bad[i] / width;
            int found = 0;
            for (int r = 1; r <= MAX_RADIUS && found < MIN_NEIGHBOURS; r++) {
                for (int y = y0 - r; y <= y0 + r; y++) {
                    if (y < 0 || y >= height) {
                        continue;
                    }
                    int step = (y == y0 - r || y == y0 + r) ? 1 : 2 * r; // ring only
                    for (int x = x0 - r; x <= x0 + r; x += step) {
                        int idx = y * width + x;
                        if (x >= 0 && x < width && !mask.get(idx)) {
                            if (used == buf.length) {
                                buf = Arrays.copyOf(buf, buf.length * 2);
                            }
                            buf[used++] = idx;
                            found++;
                        }
                    }
                }
            }
        }
        neighbourStart[bad.length] = used;
        this.neighbours = Arrays.copyOf(buf, used);
    }

    /** No defects for frames of {@code width x height}. */
    public static Defects none(int width, int height) {
        return new Defects(width, height, new BitSet());
    }

    /**
     * Reads a MotionCor2-style defect file: one rectangle {@code x y w h} per line (whitespace or
     * comma separated); blank lines and lines starting with {@code #} are skipped.
     *
     * @throws InvalidImageException naming the file and line for a malformed line or a rectangle
     *         outside the frame
     */
    public static Defects readFile(Path file, int width, int height) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        BitSet mask = new BitSet(width * height);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("[\\s,]+");
            int[] v = new int[4];
            try {
                if (f.length != 4) {
                    throw new NumberFormatException();
                }
                for (int k = 0; k < 4; k++) {
                    v[k] = Integer.parseInt(f[k]);
                }
            } catch (NumberFormatException e) {
                throw new InvalidImageException(file, InvalidImageException.Reason.BAD_HEADER, file + " line " + (i + 1)
                        + ": '" + line + "' is not a defect rectangle 'x y w h' (four integers: first column,"
                        + " first row, width, height); fix the line or remove it");
            }
            int x = v[0];
            int y = v[1];
            int w = v[2];
            int h = v[3];
            if (w <= 0 || h <= 0 || x < 0 || y < 0 || (long) x + w > width || (long) y + h > height) {
                throw new InvalidImageException(file, InvalidImageException.Reason.BAD_DIMENSIONS, file + " line "
                        + (i + 1) + ": defect rectangle x=" + x + " y=" + y + " w=" + w + " h=" + h
                        + " does not lie inside the " + width + " x " + height + " movie frame; check that the"
                        + " defect file belongs to this camera and binning");
            }
            for (int yy = y; yy < y + h; yy++) {
                mask.set(yy * width + x, yy * width + x + w);
            }
        }
        return new Defects(width, height, mask);
    }

    /** Defects where {@code map} is non-zero (a defect map image in movie orientation). */
    public static Defects fromMap(Frame map) {
        BitSet mask = new BitSet(map.width() * map.height());
        float[] d = map.data();
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                mask.set(i);
            }
        }
        return new Defects(map.width(), map.height(), mask);
    }

    /** The union of this and {@code other} (same frame size). */
    public Defects and(Defects other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("defects for " + other.width + "x" + other.height
                    + " frames cannot be combined with defects for " + width + "x" + height);
        }
        BitSet mask = new BitSet(width * height);
        for (int i : bad) {
            mask.set(i);
        }
        for (int i : other.bad) {
            mask.set(i);
        }
        return new Defects(width, height, mask);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of bad pixels. */
    public int count() {
        return bad.length;
    }

    /** Whether pixel {@code (x, y)} is bad. */
    public boolean isBad(int x, int y) {
        return Arrays.binarySearch(bad, y * width + x) >= 0;
    }

    /**
     * Replaces every bad pixel of {@code pixels} ({@code width x height}, row by row) by the median of
     * its good neighbours (0 if none within {@value #MAX_RADIUS} pixels).
     */
    public void repair(float[] pixels) {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " values, got " + pixels.length);
        }
        float[] values = new float[64];
        float[] repaired = new float[bad.length];
        for (int i = 0; i < bad.length; i++) {
            int from = neighbourStart[i];
            int n = neighbourStart[i + 1] - from;
            if (n > values.length) {
                values = new float[n];
            }
            for (int k = 0; k < n; k++) {
                values[k] = pixels[neighbours[from + k]];
            }
            repaired[i] = median(values, n);
        }
        for (int i = 0; i < bad.length; i++) {
            pixels[bad[i]] = repaired[i];
        }
    }

    private static float median(float[] v, int n) {
        if (n == 0) {
            return 0f;
        }
        Arrays.sort(v, 0, n);
        return (n & 1) == 1 ? v[n / 2] : 0.5f * (v[n / 2 - 1] + v[n / 2]);
    }
}
