package org.scipionj.image.process;

import org.scipionj.image.Frame;

/**
 * Summary statistics of the pixels of a frame: {@code std} is the population standard deviation (divided by
 * {@code count}); sums are accumulated in double precision, in two passes. Frames are expected to hold no NaN.
 *
 * <pre>{@code
 * FrameStatistics s = FrameStatistics.of(frame);
 * double[] p = Percentiles.of(frame, 0.5, 50, 99.5);
 * }</pre>
 */
public record FrameStatistics(long count, double min, double max, double mean, double std) {

    /** Statistics of {@code frame}'s pixels. */
    public static FrameStatistics of(Frame frame) {
        return of(frame.data());
    }

    /** Statistics of {@code values} (at least one). */
    public static FrameStatistics of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return new FrameStatistics(values.length, min, max, mean, Math.sqrt(squares / values.length));
    }
}
