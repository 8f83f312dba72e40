package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Sub-pixel translation by a Fourier phase ramp: {@code F(k) exp(-2 pi i k.d)}, so that the image content moves
 * by {@code +d}: {@code g(x) = f(x - d)}, with periodic wrap-around. Exact for integer shifts (a circular shift);
 * for fractional shifts it is the band-limited (sinc) interpolation, exact for band-limited images. Nyquist
 * components of even sizes are shifted as frequency {@code -1/2}. Stateless and thread-safe.
 *
 * <pre>{@code
 * Frame moved = FourierShift.shift(frame, 3.25, -1.5);   // content 3.25 px right, 1.5 px up (towards y = 0)
 * FourierShift.shift(spectrum, -dx, -dy);                // in place, e.g. to align a movie frame
 * }</pre>
 */
public final class FourierShift {

    private FourierShift() {
    }

    /** {@code image} moved by {@code (dx, dy)} pixels, as a new frame. */
    public static Frame shift(Frame image, double dx, double dy) {
        ComplexFrame s = Fft.forward(image);
        shift(s, dx, dy);
        Frame out = new Frame(image.width(), image.height());
        Fft.plan(image.width(), image.height()).inverseOverwriting(s, out);
        return out;
    }

    /** Multiplies {@code spectrum} in place by the phase ramp that moves its image by {@code (dx, dy)} pixels. */
    public static void shift(ComplexFrame spectrum, double dx, double dy) {
        int w = spectrum.width();
        int h = spectrum.height();
        int columns = spectrum.columns();
        float[] cosX = new float[columns];
        float[] sinX = new float[columns];
        for (int c = 0; c < columns; c++) {
            double phase = -2 * Math.PI * ((double) c / w) * dx;
            cosX[c] = (float) Math.cos(phase);
            sinX[c] = (float) Math.sin(phase);
        }
        float[] d = spectrum.data();
        Parallel.forItems(h, columns, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                double phase = -2 * Math.PI * Frequencies.cyclesPerPixel(r, h) * dy;
                float cy = (float) Math.cos(phase);
                float sy = (float) Math.sin(phase);
                int o = 2 * r * columns;
                for (int c = 0; c < columns; c++) {
                    float pr = cosX[c] * cy - sinX[c] * sy; // exp(i a) exp(i b)
                    float pi = cosX[c] * sy + sinX[c] * cy;
                    int i = o + 2 * c;
                    float re = d[i];
                    float im = d[i + 1];
                    d[i] = re * pr - im * pi;
                    d[i + 1] = re * pi + im * pr;
                }
            }
        });
    }
}
