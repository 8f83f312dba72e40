package org.example.powerspectrum;

/**
 * The rotationally averaged power spectrum of the central square tile of an image (mean removed, Hann window),
 * and band statistics of it. Pure functions; thread-safe.
 */
final class PowerSpectrum {

    private PowerSpectrum() {
    }

    /** Band statistics: mean power between 0.02–0.1 and 0.25–0.5 of Nyquist, and their ratio. */
    record Stats(double lowBand, double highBand, double highLowRatio, double mean, double std, double[] radial) {
    }

    /** @param box a power of two no larger than the image's smaller side */
    static Stats of(MrcImage image, int box) {
        int x0 = (image.width() - box) / 2;
        int y0 = (image.height() - box) / 2;
        double sum = 0;
        double sum2 = 0;
        for (int y = 0; y < box; y++) {
            for (int x = 0; x < box; x++) {
                double v = image.pixels()[(y0 + y) * image.width() + x0 + x];
                sum += v;
                sum2 += v * v;
            }
        }
        int n = box * box;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int y = 0; y < box; y++) {
            double wy = 0.5 - 0.5 * Math.cos(2 * Math.PI * y / box);
            for (int x = 0; x < box; x++) {
                double wx = 0.5 - 0.5 * Math.cos(2 * Math.PI * x / box);
                re[y * box + x] = (image.pixels()[(y0 + y) * image.width() + x0 + x] - mean) * wx * wy;
            }
        }
        fft2(re, im, box);
        int half = box / 2;
        double[] radial = new double[half];
        int[] count = new int[half];
        for (int y = 0; y < box; y++) {
            int fy = y < half ? y : y - box;
            for (int x = 0; x < box; x++) {
                int fx = x < half ? x : x - box;
                int r = (int) Math.round(Math.sqrt(fx * fx + fy * fy));
                if (r < half) {
                    int i = y * box + x;
                    radial[r] += re[i] * re[i] + im[i] * im[i];
                    count[r]++;
                }
            }
        }
        for (int r = 0; r < half; r++) {
            radial[r] = count[r] == 0 ? 0 : radial[r] / count[r] / n;
        }
        double low = band(radial, 0.02, 0.1);
        double high = band(radial, 0.25, 0.5);
        return new Stats(low, high, low > 0 ? high / low : 0, mean, std, radial);
    }

    /** Mean of the radial profile between two fractions of Nyquist. */
    static double band(double[] radial, double from, double to) {
        int a = Math.max(1, (int) Math.floor(from * radial.length));
        int b = Math.min(radial.length, Math.max(a + 1, (int) Math.ceil(to * radial.length)));
        double s = 0;
        for (int r = a; r < b; r++) {
            s += radial[r];
        }
        return s / (b - a);
    }

    /** In-place 2D FFT of a square power-of-two array: rows, then columns. */
    static void fft2(double[] re, double[] im, int size) {
        double[] r = new double[size];
        double[] i = new double[size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(re, y * size, r, 0, size);
            System.arraycopy(im, y * size, i, 0, size);
            fft(r, i);
            System.arraycopy(r, 0, re, y * size, size);
            System.arraycopy(i, 0, im, y * size, size);
        }
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                r[y] = re[y * size + x];
                i[y] = im[y * size + x];
            }
            fft(r, i);
            for (int y = 0; y < size; y++) {
                re[y * size + x] = r[y];
                im[y * size + x] = i[y];
            }
        }
    }

    /** Iterative radix-2 Cooley–Tukey FFT, in place. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }
}
