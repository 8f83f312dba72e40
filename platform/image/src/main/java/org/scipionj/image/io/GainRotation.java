package org.scipionj.image.io;

/**
 * How to rotate a gain reference (and dark reference) before applying it, in steps of 90 degrees
 * counter-clockwise, as Scipion's {@code gainRot} and MotionCor2's {@code -RotGain} number them
 * (0, 1, 2, 3).
 *
 * <p>Convention (the same as MotionCor2/MotionCor3): the rotation is counter-clockwise with
 * {@code x} to the right and {@code y} up, i.e. as IMOD displays an MRC file (row 0 at the bottom).
 * For {@link #CCW_90}, a gain of {@code w x h} becomes {@code h x w} and its pixel {@code (x, y)}
 * moves to {@code (h - 1 - y, x)}; {@link #CCW_180} moves it to {@code (w - 1 - x, h - 1 - y)};
 * {@link #CCW_270} to {@code (y, w - 1 - x)}. Seen with row 0 at the top (as most image viewers
 * and numpy show arrays), {@code CCW_90} therefore looks clockwise ({@code np.rot90(a, -1)}).
 * Immutable, so thread-safe.
 */
public enum GainRotation {
    /** No rotation (code 0). */
    NONE(0),
    /** 90 degrees counter-clockwise (code 1). */
    CCW_90(1),
    /** 180 degrees (code 2). */
    CCW_180(2),
    /** 270 degrees counter-clockwise, i.e. 90 clockwise (code 3). */
    CCW_270(3);

    private final int code;

    GainRotation(int code) {
        this.code = code;
    }

    /** Scipion's {@code gainRot} / MotionCor2's {@code -RotGain} value. */
    public int code() {
        return code;
    }

    /** Degrees counter-clockwise. */
    public int degrees() {
        return code * 90;
    }

    /** Whether width and height swap. */
    public boolean swapsAxes() {
        return (code & 1) == 1;
    }

    /**
     * The rotation for Scipion's {@code gainRot} / MotionCor2's {@code -RotGain} code 0..3.
     *
     * @throws IllegalArgumentException for another value
     */
    public static GainRotation of(int code) {
        for (GainRotation r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("gain rotation must be 0 (none), 1 (90°), 2 (180°) or 3 (270°"
                + " counter-clockwise), got " + code);
    }
}
