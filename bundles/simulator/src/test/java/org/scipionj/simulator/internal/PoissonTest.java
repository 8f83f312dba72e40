package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

class PoissonTest {

    @Test
    void samplerMeanAndVarianceEqualTheMean() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        for (double mean : new double[] {0.05, 0.7, 2.5, 9.99, 10, 37, 400}) {
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                int k = Poisson.sample(r, mean);
                sum += k;
                sum2 += (double) k * k;
            }
            double m = sum / n;
            double v = sum2 / n - m * m;
            // standard error of the mean sqrt(mean/n); of the variance about mean sqrt(2/n) (+ excess kurtosis)
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean at " + mean);
            assertEquals(mean, v, 6 * mean * Math.sqrt((2 + 1 / mean) / n), "variance at " + mean);
        }
    }

    @Test
    void probabilitiesOfSmallCountsAreExact() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 400_000;
        double mean = 1.3;
        int[] hist = new int[8];
        for (int i = 0; i < n; i++) {
            int k = Poisson.sample(r, mean);
            if (k < hist.length) {
                hist[k]++;
            }
        }
        double p = Math.exp(-mean);
        for (int k = 0; k < hist.length; k++) {
            assertEquals(p, (double) hist[k] / n, 5 * Math.sqrt(p / n) + 1e-6, "P(" + k + ")");
            p *= mean / (k + 1);
        }
    }

    @Test
    void logFactorialIsExactEnough() {
        double exact = 0;
        for (int k = 1; k < 200; k++) {
            exact += Math.log(k);
            assertEquals(exact, Poisson.logFactorial(k), 1e-9 * Math.max(1, exact), "log " + k + "!");
        }
    }

    @Test
    void aFlatLowDoseFrameHasPoissonStatistics() throws Exception {
        // pure vacuum-like specimen (no ice texture, flat transmission, no particles), no gain: counts ~ Poisson(mu)
        double dose = 0.4;
        SimulationOptions o = SimulationOptions.builder(Preset.SMALL).size(256, 256).frames(2).dosePerFrame_ePerA2(dose)
                .gain(false).particles(0).drift_px(0).localMotion_px(0).format(OutputFormat.MRC_INT16).build();
        Rendered movie = Rendered.of(o, Physics.DEFAULT.withIce(0, 0), 1);
        for (Frame f : movie.frames()) {
            double sum = 0;
            double sum2 = 0;
            for (float v : f.data()) {
                assertEquals(Math.rint(v), v, "counts are integers");
                sum += v;
                sum2 += v * v;
            }
            int n = f.data().length;
            double m = sum / n;
            double var = sum2 / n - m * m;
            assertEquals(dose, m, 5 * Math.sqrt(dose / n));
            assertEquals(m, var, 0.02, "variance equals the mean");
        }
    }
}
