package org.scipionj.ctffind.internal;

import java.util.SplittableRandom;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;

/**
 * Analytic test micrographs with a known CTF: a white specimen (amorphous ice texture) filtered by
 * {@code -sin χ · exp(-B k²/4)}, on a smooth background, plus white detector noise. Deterministic for a seed.
 */
final class SyntheticMicrographs {

    private SyntheticMicrographs() {
    }

    /**
     * @param noise standard deviation of the detector noise relative to that of the CTF-filtered specimen
     */
    static Frame render(int size, double pixel_A, Microscope optics, CtfParameters ctf, double bFactor, double noise,
                        long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Frame specimen = new Frame(size, size);
        float[] d = specimen.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) gaussian(random);
        }
        ComplexFrame f = Fft.forward(specimen);
        float[] s = f.data();
        double a = optics.defocusFactor();
        double b = optics.sphericalFactor();
        double c0 = optics.amplitudePhase_rad() + ctf.phaseShift_rad();
        for (int r = 0; r < size; r++) {
            double ky = Frequencies.cyclesPerPixel(r, size) / pixel_A;
            for (int c = 0; c < f.columns(); c++) {
                double kx = (double) c / size / pixel_A;
                double k2 = kx * kx + ky * ky;
                double t = 0;
                if (k2 > 0) {
                    double cos2 = (kx * kx - ky * ky) / k2;
                    double sin2 = 2 * kx * ky / k2;
                    double chi = a * ctf.defocusAt(cos2, sin2) * k2 - b * k2 * k2 + c0;
                    t = -Math.sin(chi) * Math.exp(-bFactor * k2 / 4);
                }
                int i = f.index(c, r);
                s[i] *= (float) t;
                s[i + 1] *= (float) t;
            }
        }
        Frame image = Fft.inverse(f);
        float[] v = image.data();
        double sum = 0;
        double sumSq = 0;
        for (float x : v) {
            sum += x;
            sumSq += x * x;
        }
        double sd = Math.sqrt(sumSq / v.length - (sum / v.length) * (sum / v.length));
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double background = 0.3 * sd * Math.cos(2 * Math.PI * x / size) * Math.sin(Math.PI * y / size);
                v[y * size + x] += (float) (background + noise * sd * gaussian(random) + 10 * sd);
            }
        }
        return image;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
