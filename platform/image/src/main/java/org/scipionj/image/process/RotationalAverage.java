package org.scipionj.image.process;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Frequencies;

/**
 * Rotational averages over rings of equal spatial frequency {@code |k| = sqrt(kx^2 + ky^2)} (cycles/pixel), rings
 * {@code 1/n} wide for an image whose larger side is {@code n}, from 0 to Nyquist; frequencies beyond 0.5 (the
 * corners) are left out. Stateless and thread-safe.
 *
 * <pre>{@code
 * RadialProfile p = RotationalAverage.ofPower(Fft.forward(micrograph));
 * for (int i = 0; i < p.size(); i++) System.out.println(p.perAngstrom(i, 1.0) + " " + p.value()[i]);
 * }</pre>
 */
public final class RotationalAverage {

    private RotationalAverage() {
    }

    /** Ring averages of the power {@code |F|^2 / (width*height)} of a spectrum (as {@link PowerSpectrum}). */
    public static RadialProfile ofPower(ComplexFrame spectrum) {
        int w = spectrum.width();
        int h = spectrum.height();
        int n = Math.max(w, h);
        double[] sum = new double[n / 2 + 1];
        long[] count = new long[sum.length];
        float[] d = spectrum.data();
        double norm = 1.0 / ((double) w * h);
        for (int r = 0; r < h; r++) {
            double ky = Frequencies.cyclesPerPixel(r, h);
            for (int c = 0; c < spectrum.columns(); c++) {
                double kx = (double) c / w;
                int ring = (int) Math.round(Math.sqrt(kx * kx + ky * ky) * n);
                if (ring < sum.length) {
                    // NB: interior columns stand for two points of the full spectrum (kx and its mirror -kx)
                    int weight = c == 0 || 2 * c == w ? 1 : 2;
                    int i = spectrum.index(c, r);
                    sum[ring] += weight * norm * ((double) d[i] * d[i] + (double) d[i + 1] * d[i + 1]);
                    count[ring] += weight;
                }
            }
        }
        return profile(sum, count, n);
    }

    /** Ring averages of a centred map (zero frequency at {@code (width/2, height/2)}), e.g. a power spectrum. */
    public static RadialProfile ofCentred(Frame map) {
        int w = map.width();
        int h = map.height();
        int n = Math.max(w, h);
        double[] sum = new double[n / 2 + 1];
        long[] count = new long[sum.length];
        float[] d = map.data();
        for (int y = 0; y < h; y++) {
            double ky = (double) (y - h / 2) / h;
            for (int x = 0; x < w; x++) {
                double kx = (double) (x - w / 2) / w;
                int ring = (int) Math.round(Math.sqrt(kx * kx + ky * ky) * n);
                if (ring < sum.length) {
                    sum[ring] += d[y * w + x];
                    count[ring]++;
                }
            }
        }
        return profile(sum, count, n);
    }

    private static RadialProfile profile(double[] sum, long[] count, int n) {
        double[] freq = new double[sum.length];
        double[] value = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            freq[i] = (double) i / n;
            value[i] = count[i] > 0 ? sum[i] / count[i] : Double.NaN;
        }
        return new RadialProfile(freq, value, count);
    }
}
