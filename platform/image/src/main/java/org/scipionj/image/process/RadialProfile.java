package org.scipionj.image.process;

/**
 * A rotational average: {@code value[i]} is the mean over the ring of frequencies nearest to {@code frequency[i]}
 * (cycles/pixel), over {@code count[i]} samples ({@code NaN} where a ring is empty). Ring {@code i} is centred on
 * {@code i / n}, {@code n} being the larger image side, up to Nyquist (0.5). Arrays are not copied: do not change
 * them.
 */
public record RadialProfile(double[] frequency, double[] value, long[] count) {

    /** Number of rings. */
    public int size() {
        return value.length;
    }

    /** Frequency of ring {@code i} in 1/Å at {@code pixelSize} Å/px. */
    public double perAngstrom(int i, double pixelSize) {
        return frequency[i] / pixelSize;
    }
}
