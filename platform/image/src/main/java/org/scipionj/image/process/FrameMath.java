package org.scipionj.image.process;

import java.util.Collection;

import org.scipionj.image.Frame;

/**
 * Pixel-wise arithmetic for accumulating frames (movie sums, averages). Methods that take a target change it in
 * place. Stateless and thread-safe, as long as no other thread writes the target meanwhile.
 *
 * <pre>{@code
 * Frame sum = new Frame(w, h);
 * for (Frame f : alignedFrames) FrameMath.add(sum, f);
 * FrameMath.scale(sum, 1f / alignedFrames.size());   // the average
 * }</pre>
 */
public final class FrameMath {

    private FrameMath() {
    }

    /** {@code target += frame}. */
    public static void add(Frame target, Frame frame) {
        addScaled(target, frame, 1f);
    }

    /** {@code target += weight * frame}. */
    public static void addScaled(Frame target, Frame frame, float weight) {
        sameSize(target, frame);
        float[] t = target.data();
        float[] f = frame.data();
        for (int i = 0; i < t.length; i++) {
            t[i] += weight * f[i];
        }
    }

    /** {@code target *= factor}. */
    public static void scale(Frame target, float factor) {
        float[] t = target.data();
        for (int i = 0; i < t.length; i++) {
            t[i] *= factor;
        }
    }

    /** The sum of {@code frames} (at least one, all of one size), as a new frame. */
    public static Frame sum(Collection<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to sum");
        }
        Frame first = frames.iterator().next();
        Frame sum = new Frame(first.width(), first.height());
        for (Frame f : frames) {
            add(sum, f);
        }
        return sum;
    }

    private static void sameSize(Frame a, Frame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("frame sizes differ: " + a + " and " + b);
        }
    }
}
