package org.scipionj.ctffind.internal;

import org.scipionj.image.Frame;

/**
 * An amplitude spectrum ready for fitting: smooth background subtracted, flattened (divided by its local standard
 * deviation, so every resolution counts alike), clipped at ±{@value #CLIP} and standardised to mean 0, standard
 * deviation 1 over the fitting band. Centred as {@link AmplitudeSpectrum}. Not changed after construction.
 *
 * @param values the prepared values, centred, box x box
 * @param pixelSize_A sampling of the spectrum, Å/px
 * @param lowFrequency lower limit of the fitting band, 1/Å (1/lowRes)
 * @param highFrequency upper limit of the fitting band, 1/Å (1/highRes, at most Nyquist)
 */
record PreparedSpectrum(Frame values, double pixelSize_A, double lowFrequency, double highFrequency) {

    static final float CLIP = 4f;

    int box() {
        return values.width();
    }

    /** Frequency step between neighbouring pixels, 1/Å. */
    double frequencyStep() {
        return 1.0 / (box() * pixelSize_A);
    }

    /**
     * Prepares {@code spectrum} for fitting between {@code lowRes_A} and {@code highRes_A}. As CTFFIND does, the
     * background is a box mean over a side of √2 times the radius of the low-resolution limit, computed after the
     * frequencies below that limit (the strong low-resolution terms) are replaced by the mean just outside it.
     */
    static PreparedSpectrum of(AmplitudeSpectrum spectrum, double lowRes_A, double highRes_A) {
        int n = spectrum.box();
        int c = n / 2;
        double step = spectrum.frequencyStep();
        double nyquist = 0.5 / spectrum.pixelSize_A();
        double low = 1.0 / lowRes_A;
        double high = Math.min(1.0 / highRes_A, nyquist);
        double rLow = low / step;
        float[] a = spectrum.values().data().clone();
        double ringSum = 0;
        int ringCount = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double r = Math.sqrt((double) (x - c) * (x - c) + (double) (y - c) * (y - c));
                if (r >= rLow && r < rLow + 2) {
                    ringSum += a[y * n + x];
                    ringCount++;
                }
            }
        }
        float fill = ringCount > 0 ? (float) (ringSum / ringCount) : 0f;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if ((double) (x - c) * (x - c) + (double) (y - c) * (y - c) < rLow * rLow) {
                    a[y * n + x] = fill;
                }
            }
        }
        int side = Math.max(3, (int) Math.round(rLow * Math.sqrt(2)) | 1);
        float[] background = BoxFilter.mean(a, n, n, side);
        float[] s = new float[a.length];
        float[] s2 = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] - background[i];
            s2[i] = s[i] * s[i];
        }
        float[] variance = BoxFilter.mean(s2, n, n, side);
        for (int i = 0; i < s.length; i++) {
            float sd = (float) Math.sqrt(variance[i]);
            s[i] = sd > 0 ? Math.max(-CLIP, Math.min(CLIP, s[i] / sd)) : 0f;
        }
        double sum = 0;
        double sumSq = 0;
        long count = 0;
        double rHigh = high / step;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double r = Math.sqrt((double) (x - c) * (x - c) + (double) (y - c) * (y - c));
                if (r >= rLow && r <= rHigh) {
                    double v = s[y * n + x];
                    sum += v;
                    sumSq += v * v;
                    count++;
                }
            }
        }
        double mean = count > 0 ? sum / count : 0;
        double sd = count > 1 ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) : 0;
        float scale = sd > 0 ? (float) (1 / sd) : 0f;
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) ((s[i] - mean) * scale);
        }
        return new PreparedSpectrum(new Frame(n, n, s), spectrum.pixelSize_A(), low, high);
    }
}
