package org.scipionj.monitor.internal;

import java.util.Arrays;

/** Summary statistics of a column (NaN values left out); null fields when empty. */
record Stats(int n, Double mean, Double median, Double min, Double max) {

    static Stats of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)).sorted().toArray();
        if (v.length == 0) {
            return new Stats(0, null, null, null, null);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Stats(v.length, Forecasts.round(mean), Forecasts.round(median), Forecasts.round(v[0]),
                Forecasts.round(v[v.length - 1]));
    }
}
