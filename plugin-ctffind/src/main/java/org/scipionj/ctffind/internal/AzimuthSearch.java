package org.scipionj.ctffind.internal;

/**
 * Estimates the azimuth of astigmatism before any defocus is known, from the symmetry of the spectrum: the Thon
 * rings of an astigmatic CTF are ellipses, mirror-symmetric about their two axes. The prepared spectrum is
 * resampled on polar rings over the fitting band, and for each candidate axis φ the spectrum is correlated with its
 * mirror image about φ (θ → 2φ − θ); the best φ is an axis of the ellipses, defocusU lying along φ or φ + 90°. For a
 * spectrum without astigmatism every axis is equally good and the answer is arbitrary, which the 2D search that
 * follows tolerates (it tries both axes and no astigmatism). Stateless.
 */
final class AzimuthSearch {

    /** Angular samples on each ring (1° apart). */
    private static final int ANGLES = 360;

    private AzimuthSearch() {
    }

    /** The axis of mirror symmetry in degrees, in [0, 90). */
    static double axis_deg(PreparedSpectrum spectrum) {
        float[][] polar = polar(spectrum);
        int m = ANGLES;
        // NB: correlation of each ring with its reverse: c[q] = Σ_j P[j] P[q - j], q = 2φ in units of the angular
        // step; spectra are centrosymmetric, so c has period m/2 and only its first half is computed
        int half = m / 2;
        double[] folded = new double[half];
        for (float[] ring : polar) {
            for (int q = 0; q < half; q++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    int k = q - j;
                    sum += ring[j] * ring[k < 0 ? k + m : k];
                }
                folded[q] += sum;
            }
        }
        int best = 0;
        for (int q = 1; q < half; q++) {
            if (folded[q] > folded[best]) {
                best = q;
            }
        }
        double y0 = folded[(best - 1 + half) % half];
        double y1 = folded[best];
        double y2 = folded[(best + 1) % half];
        double denominator = y0 - 2 * y1 + y2;
        double offset = denominator < 0 ? 0.5 * (y0 - y2) / denominator : 0;
        double psi = (best + offset) * 360.0 / m; // 2φ in degrees, in [0, 180)
        double phi = 0.5 * psi;
        return phi < 0 ? phi + 90 : (phi >= 90 ? phi - 90 : phi);
    }

    /** Rings of the band, one per pixel of radius, {@link #ANGLES} bilinear samples each, weighted by √radius. */
    private static float[][] polar(PreparedSpectrum spectrum) {
        int n = spectrum.box();
        double c = n / 2.0;
        double step = spectrum.frequencyStep();
        int r0 = (int) Math.ceil(spectrum.lowFrequency() / step);
        int r1 = (int) Math.min(Math.floor(spectrum.highFrequency() / step), n / 2.0 - 2);
        if (r1 < r0) {
            return new float[0][ANGLES];
        }
        float[] v = spectrum.values().data();
        double[] cos = new double[ANGLES];
        double[] sin = new double[ANGLES];
        for (int j = 0; j < ANGLES; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / ANGLES);
            sin[j] = Math.sin(2 * Math.PI * j / ANGLES);
        }
        float[][] rings = new float[r1 - r0 + 1][ANGLES];
        for (int r = r0; r <= r1; r++) {
            // NB: weight √r per ring value, so that the product of two values carries the ring's circumference
            float weight = (float) Math.sqrt(r);
            for (int j = 0; j < ANGLES; j++) {
                double x = c + r * cos[j];
                double y = c + r * sin[j];
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                double value = (1 - fy) * ((1 - fx) * v[y0 * n + x0] + fx * v[y0 * n + x0 + 1])
                        + fy * ((1 - fx) * v[(y0 + 1) * n + x0] + fx * v[(y0 + 1) * n + x0 + 1]);
                rings[r - r0][j] = (float) (value * weight);
            }
        }
        return rings;
    }
}
