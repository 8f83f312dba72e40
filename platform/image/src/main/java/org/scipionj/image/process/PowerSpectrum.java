package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Centred power spectra: a {@code width x height} frame with frequency zero at pixel {@code (width/2, height/2)}
 * and value {@code |F(k)|^2 / (width*height)} (the periodogram: white noise of variance {@code s^2} gives a flat
 * {@code s^2}). The log variant holds the natural logarithm, with zeros clamped to {@code ln(Float.MIN_NORMAL)}.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * Frame psd = PowerSpectrum.of(micrograph, true);   // log, centred, same size as the micrograph
 * }</pre>
 */
public final class PowerSpectrum {

    private static final float LOG_FLOOR = (float) Math.log(Float.MIN_NORMAL);

    private PowerSpectrum() {
    }

    /** The centred power spectrum of {@code image}, optionally as its natural logarithm. */
    public static Frame of(Frame image, boolean log) {
        return centred(Fft.forward(image), log);
    }

    /** The centred power spectrum of the image whose spectrum is {@code spectrum}. */
    public static Frame centred(ComplexFrame spectrum, boolean log) {
        int w = spectrum.width();
        int h = spectrum.height();
        float norm = (float) (1.0 / ((double) w * h));
        float[] in = spectrum.data();
        Frame out = new Frame(w, h);
        float[] o = out.data();
        Parallel.forItems(h, w, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int ky = y - h / 2;
                int row = Frequencies.fftIndex(ky, h);
                int mirror = Frequencies.fftIndex(-ky, h);
                for (int x = 0; x < w; x++) {
                    int kx = x - w / 2;
                    // NB: negative kx come from the Hermitian mirror, F(-k) = conj F(k)
                    int i = kx >= 0 ? spectrum.index(kx, row) : spectrum.index(-kx, mirror);
                    float p = (in[i] * in[i] + in[i + 1] * in[i + 1]) * norm;
                    o[y * w + x] = log ? (p > Float.MIN_NORMAL ? (float) Math.log(p) : LOG_FLOOR) : p;
                }
            }
        });
        return out;
    }
}
