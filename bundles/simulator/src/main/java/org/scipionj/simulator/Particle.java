package org.scipionj.simulator;

/**
 * The centre of one particle, in pixels of the movie's frame 0 (= of a sum aligned to frame 0): pixel
 * {@code (i, j)} of the image as stored (column i, row j) has its centre at {@code x = i, y = j}. The centre is
 * the centroid of the particle's projected density.
 *
 * @param x_px column coordinate
 * @param y_px row coordinate
 */
public record Particle(double x_px, double y_px) {
}
