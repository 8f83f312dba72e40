package org.scipionj.image.process;

/**
 * A translation found by {@link CrossCorrelation}: the second image is the first moved by {@code (dx, dy)} pixels
 * ({@code b(x) = a(x - d)}); {@code FourierShift.shift(b, -dx, -dy)} aligns it onto the first. {@code peak} is the
 * correlation value at the maximum (for whitened correlation, 1 for identical content and lower with noise).
 */
public record Shift(double dx, double dy, double peak) {

    /** Length of the shift in pixels. */
    public double length() {
        return Math.hypot(dx, dy);
    }
}
