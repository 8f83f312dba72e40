package org.scipionj.image.fft;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.internal.Parallel;

/**
 * Entry point for 2D FFTs: cached plans per size, one-line forward and inverse transforms, and the thread count.
 * Conventions (see the package documentation): half-complex output ({@link ComplexFrame}), forward
 * {@code exp(-2 pi i k.x)} unscaled, inverse scaled by {@code 1/(width*height)} so that
 * {@code inverse(forward(x)) == x}, frequencies in cycles/pixel.
 *
 * <p><b>Threads.</b> Transforms and the loops in {@code org.scipionj.image.process} run on JTransforms' own pool of
 * daemon threads, {@link #threads()} at a time; the default is the number of processors. The setting is global to
 * this bundle (JTransforms is embedded privately, so other bundles are not affected). A caller that already runs
 * one image per thread (for example a protocol processing several movies at once) should call
 * {@code Fft.setThreads(1)} once at start-up rather than oversubscribe the machine.
 *
 * <p>Thread-safe: plans are immutable and the cache is concurrent; it keeps one plan per size for the life of the
 * bundle (plans are small: twiddle tables of a few times the image side).
 *
 * <pre>{@code
 * ComplexFrame spectrum = Fft.forward(frame);   // new spectrum
 * Frame back = Fft.inverse(spectrum);            // equals frame to float precision
 * FftPlan plan = Fft.plan(4096, 4096);           // for loops over many frames of one size
 * }</pre>
 */
public final class Fft {

    private static final ConcurrentMap<Long, FftPlan> PLANS = new ConcurrentHashMap<>();

    private Fft() {
    }

    /** The plan for {@code width x height} images, made once and then shared. */
    public static FftPlan plan(int width, int height) {
        ComplexFrame.checkedLength(width, height);
        return PLANS.computeIfAbsent(((long) width << 32) | height, k -> new FftPlan(width, height));
    }

    /** The forward transform of {@code image}, in a new spectrum. */
    public static ComplexFrame forward(Frame image) {
        ComplexFrame spectrum = new ComplexFrame(image.width(), image.height());
        plan(image.width(), image.height()).forward(image, spectrum);
        return spectrum;
    }

    /** The inverse transform of {@code spectrum} (kept), in a new frame. */
    public static Frame inverse(ComplexFrame spectrum) {
        Frame image = new Frame(spectrum.width(), spectrum.height());
        plan(spectrum.width(), spectrum.height()).inverse(spectrum, image);
        return image;
    }

    /** The number of threads transforms and image loops use. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Sets the number of threads for all later transforms and image loops in this bundle (at least 1). */
    public static void setThreads(int threads) {
        Parallel.setThreads(threads);
    }
}
