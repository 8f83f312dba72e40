package org.scipionj.eman.internal;

/**
 * One picked position on a micrograph, in pixels of the micrograph as stored (x the column, y the row, pixel
 * {@code (i, j)} centred at {@code (i, j)}), with the picker's score (higher is better).
 */
public record Pick(double x, double y, double score) {
}
