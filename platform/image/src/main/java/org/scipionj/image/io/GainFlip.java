package org.scipionj.image.io;

/**
 * How to flip a gain reference (and dark reference), applied after the {@link GainRotation}, as
 * Scipion's {@code gainFlip} and MotionCor2's {@code -FlipGain} number them (0, 1, 2).
 * {@link #UPSIDE_DOWN} reverses the row order ({@code y -> h - 1 - y}); {@link #LEFT_RIGHT} reverses
 * each row ({@code x -> w - 1 - x}). Immutable, so thread-safe.
 */
public enum GainFlip {
    /** No flip (code 0). */
    NONE(0),
    /** Flip upside down: rows reversed (code 1). */
    UPSIDE_DOWN(1),
    /** Flip left to right: columns reversed (code 2). */
    LEFT_RIGHT(2);

    private final int code;

    GainFlip(int code) {
        this.code = code;
    }

    /** Scipion's {@code gainFlip} / MotionCor2's {@code -FlipGain} value. */
    public int code() {
        return code;
    }

    /**
     * The flip for code 0..2.
     *
     * @throws IllegalArgumentException for another value
     */
    public static GainFlip of(int code) {
        for (GainFlip f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("gain flip must be 0 (none), 1 (upside down) or 2 (left-right), got " + code);
    }
}
