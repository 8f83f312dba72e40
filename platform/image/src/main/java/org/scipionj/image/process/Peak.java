package org.scipionj.image.process;

/** A maximum of a map at sub-pixel position {@code (x, y)} (pixels, map coordinates), with its fitted value. */
public record Peak(double x, double y, double value) {
}
