package org.scipionj.image;

import java.util.Arrays;

/**
 * One 2D image: {@code width x height} floats stored row by row ({@code data[y * width + x]}), so hot loops work
 * on the flat array. Not thread-safe for writes; share a frame between threads only to read it.
 *
 * <pre>{@code
 * Frame f = new Frame(512, 512);
 * f.set(10, 20, 1.5f);
 * float[] pixels = f.data(); // the live array
 * }</pre>
 */
public final class Frame {

    private final int width;
    private final int height;
    private final float[] data;

    /** A frame of zeros. */
    public Frame(int width, int height) {
        this(width, height, new float[checkedSize(width, height)]);
    }

    /** A frame over {@code data} (not copied), which must hold exactly {@code width * height} values. */
    public Frame(int width, int height, float[] data) {
        long size = checkedSize(width, height);
        if (data.length != size) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + size + " values, got "
                    + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    private static int checkedSize(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("impossible frame size " + width + "x" + height);
        }
        return width * height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row by row; the live array, not a copy. */
    public float[] data() {
        return data;
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    public void set(int x, int y, float value) {
        data[y * width + x] = value;
    }

    /** A deep copy. */
    public Frame copy() {
        return new Frame(width, height, Arrays.copyOf(data, data.length));
    }

    @Override
    public String toString() {
        return "Frame " + width + "x" + height;
    }
}
