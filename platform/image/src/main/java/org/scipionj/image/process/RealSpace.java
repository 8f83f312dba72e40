package org.scipionj.image.process;

import java.util.Arrays;

import org.scipionj.image.Frame;

/**
 * Geometry in real space: cropping, padding and binning by an integer factor, each into a new frame. Centred
 * crops and pads keep pixel {@code (width/2, height/2)} on the new centre pixel, as FFT centring does. Binning
 * averages {@code factor x factor} blocks: new pixel {@code x'} covers old pixels {@code x' f .. x' f + f - 1}
 * (so its centre sits at old coordinate {@code x' f + (f-1)/2}); leftover edge pixels are dropped. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * Frame tile = RealSpace.crop(frame, 100, 200, 512, 512);
 * Frame box = RealSpace.cropCentre(frame, 256, 256);
 * Frame padded = RealSpace.pad(frame, 4096, 4096, 0f);
 * Frame binned = RealSpace.bin(frame, 2);
 * }</pre>
 */
public final class RealSpace {

    private RealSpace() {
    }

    /** The {@code width x height} region with top-left pixel {@code (x0, y0)}, which must lie inside. */
    public static Frame crop(Frame image, int x0, int y0, int width, int height) {
        if (x0 < 0 || y0 < 0 || width <= 0 || height <= 0 || x0 + width > image.width()
                || y0 + height > image.height()) {
            throw new IllegalArgumentException("the " + width + "x" + height + " region at (" + x0 + ", " + y0
                    + ") does not fit in a " + image.width() + "x" + image.height() + " frame");
        }
        Frame out = new Frame(width, height);
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.data(), (y0 + y) * image.width() + x0, out.data(), y * width, width);
        }
        return out;
    }

    /** The centred {@code width x height} region (no larger than the frame). */
    public static Frame cropCentre(Frame image, int width, int height) {
        return crop(image, image.width() / 2 - width / 2, image.height() / 2 - height / 2, width, height);
    }

    /** {@code image} centred in a {@code width x height} frame (no smaller) filled with {@code fill}. */
    public static Frame pad(Frame image, int width, int height, float fill) {
        if (width < image.width() || height < image.height()) {
            throw new IllegalArgumentException("cannot pad a " + image.width() + "x" + image.height() + " frame to "
                    + width + "x" + height);
        }
        Frame out = new Frame(width, height);
        if (fill != 0) {
            Arrays.fill(out.data(), fill);
        }
        int x0 = width / 2 - image.width() / 2;
        int y0 = height / 2 - image.height() / 2;
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.data(), y * image.width(), out.data(), (y0 + y) * width + x0, image.width());
        }
        return out;
    }

    /** {@code image} binned by averaging {@code factor x factor} blocks (factor at most the smaller side). */
    public static Frame bin(Frame image, int factor) {
        if (factor < 1 || factor > Math.min(image.width(), image.height())) {
            throw new IllegalArgumentException("cannot bin a " + image.width() + "x" + image.height()
                    + " frame by " + factor);
        }
        if (factor == 1) {
            return image.copy();
        }
        int w = image.width() / factor;
        int h = image.height() / factor;
        int iw = image.width();
        float[] in = image.data();
        Frame out = new Frame(w, h);
        float[] o = out.data();
        float norm = 1f / (factor * factor);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int dy = 0; dy < factor; dy++) {
                int src = (y * factor + dy) * iw;
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int i = src + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        s += in[i + dx];
                    }
                    o[row + x] += s;
                }
            }
            for (int x = 0; x < w; x++) {
                o[row + x] *= norm;
            }
        }
        return out;
    }
}
