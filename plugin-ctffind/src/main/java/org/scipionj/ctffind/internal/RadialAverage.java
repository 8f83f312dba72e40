package org.scipionj.ctffind.internal;

import org.scipionj.image.process.RadialProfile;
import org.scipionj.image.process.RotationalAverage;

/**
 * The rotational average of a prepared spectrum over its fitting band, one bin per pixel of radius (the rounded
 * radius, {@link RotationalAverage#ofCentred}), with the number of pixels in each bin as its weight. {@link #score} is the weighted correlation with a
 * non-astigmatic model {@code sin² χ(k)}: the 1D search of CTFFIND. Immutable.
 */
final class RadialAverage {

    private final double[] k2;
    private final double[] value;
    private final double[] weight;
    private final double sumW;
    private final double meanV;
    private final double varV;

    private RadialAverage(double[] k2, double[] value, double[] weight) {
        this.k2 = k2;
        this.value = value;
        this.weight = weight;
        double w = 0;
        double wv = 0;
        for (int i = 0; i < value.length; i++) {
            w += weight[i];
            wv += weight[i] * value[i];
        }
        this.sumW = w;
        this.meanV = w > 0 ? wv / w : 0;
        double var = 0;
        for (int i = 0; i < value.length; i++) {
            var += weight[i] * (value[i] - meanV) * (value[i] - meanV);
        }
        this.varV = var;
    }

    static RadialAverage of(PreparedSpectrum spectrum) {
        int c = spectrum.box() / 2;
        double step = spectrum.frequencyStep();
        int r0 = (int) Math.ceil(spectrum.lowFrequency() / step);
        int r1 = Math.max(r0, Math.min((int) Math.floor(spectrum.highFrequency() / step), c));
        RadialProfile profile = RotationalAverage.ofCentred(spectrum.values());
        double[] k2 = new double[r1 - r0 + 1];
        double[] value = new double[k2.length];
        double[] weight = new double[k2.length];
        for (int i = 0; i < k2.length; i++) {
            double k = (r0 + i) * step;
            k2[i] = k * k;
            weight[i] = profile.count()[r0 + i];
            value[i] = weight[i] > 0 ? profile.value()[r0 + i] : 0;
        }
        return new RadialAverage(k2, value, weight);
    }

    /** Weighted correlation with {@code sin² χ} for a mean defocus and phase shift, without astigmatism. */
    double score(double defocus_A, double phaseShift_rad, Microscope optics) {
        double a = optics.defocusFactor() * defocus_A;
        double b = optics.sphericalFactor();
        double c0 = optics.amplitudePhase_rad() + phaseShift_rad;
        double sm = 0;
        double smm = 0;
        double svm = 0;
        for (int i = 0; i < k2.length; i++) {
            double m = FastTrig.sin2(a * k2[i] - b * k2[i] * k2[i] + c0);
            double w = weight[i];
            sm += w * m;
            smm += w * m * m;
            svm += w * (value[i] - meanV) * m;
        }
        double varM = smm - sm * sm / sumW;
        double d = Math.sqrt(varV * varM);
        return d > 0 ? svm / d : 0;
    }
}
