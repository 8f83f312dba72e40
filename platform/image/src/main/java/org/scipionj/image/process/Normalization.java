package org.scipionj.image.process;

import org.scipionj.image.Frame;

/**
 * Normalisation to mean 0 and standard deviation 1 (population std, see {@link FrameStatistics}). A constant frame
 * becomes all zeros. Stateless and thread-safe.
 *
 * <pre>{@code
 * Frame z = Normalization.normalized(frame);            // a new frame
 * FrameStatistics before = Normalization.normalize(f);  // in place
 * }</pre>
 */
public final class Normalization {

    private Normalization() {
    }

    /** Normalises {@code frame} in place and returns its statistics from before. */
    public static FrameStatistics normalize(Frame frame) {
        FrameStatistics s = FrameStatistics.of(frame);
        float mean = (float) s.mean();
        float scale = s.std() > 0 ? (float) (1 / s.std()) : 0;
        float[] d = frame.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (d[i] - mean) * scale;
        }
        return s;
    }

    /** A normalised copy of {@code frame}. */
    public static Frame normalized(Frame frame) {
        Frame copy = frame.copy();
        normalize(copy);
        return copy;
    }
}
