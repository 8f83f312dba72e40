package org.scipionj.image.fft;

/**
 * Index and frequency conversions along one axis of length {@code n}, with numpy's conventions: FFT index {@code i}
 * is the signed frequency index {@code i} for {@code i < (n+1)/2} and {@code i - n} above (so for even {@code n}
 * the Nyquist index {@code n/2} is {@code -n/2}); the centred ({@code fftshift}ed) index puts frequency zero at
 * {@code n/2}. Frequencies are in cycles per pixel; divide by the pixel size (Å/px) for 1/Å. Stateless.
 *
 * <pre>{@code
 * Frequencies.signed(5, 8);         // -3
 * Frequencies.cyclesPerPixel(5, 8); // -0.375
 * Frequencies.centred(0, 8);        // 4
 * }</pre>
 */
public final class Frequencies {

    private Frequencies() {
    }

    /** Signed frequency index of FFT index {@code i} ({@code 0 <= i < n}): in {@code [-n/2, (n-1)/2]}. */
    public static int signed(int i, int n) {
        return i < (n + 1) / 2 ? i : i - n;
    }

    /** FFT index of signed frequency index {@code k} (taken modulo {@code n}). */
    public static int fftIndex(int k, int n) {
        return Math.floorMod(k, n);
    }

    /** Frequency of FFT index {@code i} in cycles/pixel: {@code signed(i, n) / n}. */
    public static double cyclesPerPixel(int i, int n) {
        return (double) signed(i, n) / n;
    }

    /** Centred index (zero frequency at {@code n/2}) of FFT index {@code i}. */
    public static int centred(int i, int n) {
        return signed(i, n) + n / 2;
    }

    /** FFT index of centred index {@code c}. */
    public static int fromCentred(int c, int n) {
        return Math.floorMod(c - n / 2, n);
    }

    /** Frequency in 1/Å of {@code cyclesPerPixel} at a sampling of {@code pixelSize} Å/px. */
    public static double perAngstrom(double cyclesPerPixel, double pixelSize) {
        return cyclesPerPixel / pixelSize;
    }
}
