package org.scipionj.image.fft;

import java.util.Arrays;

/**
 * The spectrum of a real {@code width x height} image, non-redundant half: {@link #columns()} {@code = width/2+1}
 * columns ({@code kx = 0 .. width/2}) by {@code height} rows ({@code ky} in FFT order), as interleaved
 * {@code re, im} floats: the value at column {@code c}, row {@code r} is {@code data[index(c, r)]} (real part) and
 * {@code data[index(c, r) + 1]} (imaginary part), with {@code index(c, r) = 2 * (r * columns + c)}. The missing
 * half follows from Hermitian symmetry, {@code F(-kx, -ky) = conj(F(kx, ky))}. Not thread-safe for writes.
 *
 * <pre>{@code
 * ComplexFrame f = Fft.forward(frame);
 * double kx = f.kx(3), ky = f.ky(f.height() - 1);  // 3/width and -1/height cycles/pixel
 * float re = f.re(3, f.height() - 1);
 * }</pre>
 */
public final class ComplexFrame {

    private final int width;
    private final int height;
    private final int columns;
    private final float[] data;

    /** A spectrum of zeros for a real {@code width x height} image. */
    public ComplexFrame(int width, int height) {
        this(width, height, new float[checkedLength(width, height)]);
    }

    /** A spectrum over {@code data} (not copied), of length {@code 2 * (width/2+1) * height}. */
    public ComplexFrame(int width, int height, float[] data) {
        long length = checkedLength(width, height);
        if (data.length != length) {
            throw new IllegalArgumentException("the spectrum of a " + width + "x" + height + " image needs " + length
                    + " floats, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.columns = width / 2 + 1;
        this.data = data;
    }

    /** Floats needed for the spectrum of a {@code width x height} image. */
    public static int checkedLength(int width, int height) {
        long length = 2L * (width / 2 + 1) * height;
        if (width <= 0 || height <= 0 || length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("impossible image size " + width + "x" + height);
        }
        return (int) length;
    }

    /** Width of the real image this is the spectrum of. */
    public int width() {
        return width;
    }

    /** Height of the real image, and number of rows. */
    public int height() {
        return height;
    }

    /** Complex values per row: {@code width/2+1}. */
    public int columns() {
        return columns;
    }

    /** The interleaved values; the live array, not a copy. */
    public float[] data() {
        return data;
    }

    /** Offset of the real part of column {@code c}, row {@code r} in {@link #data()}. */
    public int index(int c, int r) {
        return 2 * (r * columns + c);
    }

    public float re(int c, int r) {
        return data[index(c, r)];
    }

    public float im(int c, int r) {
        return data[index(c, r) + 1];
    }

    public void set(int c, int r, float re, float im) {
        int i = index(c, r);
        data[i] = re;
        data[i + 1] = im;
    }

    /** Frequency of column {@code c} in cycles/pixel: {@code c / width}, in {@code [0, 0.5]}. */
    public double kx(int c) {
        return (double) c / width;
    }

    /** Frequency of row {@code r} in cycles/pixel, in {@code [-0.5, 0.5)}. */
    public double ky(int r) {
        return Frequencies.cyclesPerPixel(r, height);
    }

    /** A deep copy. */
    public ComplexFrame copy() {
        return new ComplexFrame(width, height, Arrays.copyOf(data, data.length));
    }

    @Override
    public String toString() {
        return "ComplexFrame of a " + width + "x" + height + " image (" + columns + "x" + height + " complex)";
    }
}
