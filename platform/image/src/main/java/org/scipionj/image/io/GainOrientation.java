package org.scipionj.image.io;

import java.util.Objects;
import org.scipionj.image.Frame;

/**
 * A rotation followed by a flip, turning a gain (or dark) reference into the movie's orientation;
 * see {@link GainRotation} for the convention. Immutable, so thread-safe.
 *
 * <pre>{@code
 * GainOrientation o = new GainOrientation(GainRotation.CCW_90, GainFlip.UPSIDE_DOWN);
 * Frame oriented = o.apply(gain); // a new frame
 * }</pre>
 *
 * @param rotation applied first
 * @param flip applied second
 */
public record GainOrientation(GainRotation rotation, GainFlip flip) {

    /** No rotation, no flip. */
    public static final GainOrientation IDENTITY = new GainOrientation(GainRotation.NONE, GainFlip.NONE);

    public GainOrientation {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(flip, "flip");
    }

    /** From Scipion's {@code gainRot} (0..3) and {@code gainFlip} (0..2) codes. */
    public static GainOrientation of(int gainRot, int gainFlip) {
        return new GainOrientation(GainRotation.of(gainRot), GainFlip.of(gainFlip));
    }

    /** Width after orientation of a {@code width x height} image. */
    public int width(int width, int height) {
        return rotation.swapsAxes() ? height : width;
    }

    /** Height after orientation of a {@code width x height} image. */
    public int height(int width, int height) {
        return rotation.swapsAxes() ? width : height;
    }

    /** A new frame: {@code image} rotated, then flipped. */
    public Frame apply(Frame image) {
        int w = image.width();
        int h = image.height();
        int ow = width(w, h);
        int oh = height(w, h);
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rx;
                int ry;
                switch (rotation) {
                    case CCW_90 -> {
                        rx = h - 1 - y;
                        ry = x;
                    }
                    case CCW_180 -> {
                        rx = w - 1 - x;
                        ry = h - 1 - y;
                    }
                    case CCW_270 -> {
                        rx = y;
                        ry = w - 1 - x;
                    }
                    default -> {
                        rx = x;
                        ry = y;
                    }
                }
                if (flip == GainFlip.UPSIDE_DOWN) {
                    ry = oh - 1 - ry;
                } else if (flip == GainFlip.LEFT_RIGHT) {
                    rx = ow - 1 - rx;
                }
                out[ry * ow + rx] = in[y * w + x];
            }
        }
        return new Frame(ow, oh, out);
    }

    @Override
    public String toString() {
        return "rotation " + rotation.degrees() + "° counter-clockwise, " + switch (flip) {
            case NONE -> "no flip";
            case UPSIDE_DOWN -> "flipped upside down";
            case LEFT_RIGHT -> "flipped left-right";
        };
    }
}
