package org.scipionj.simulator;

/**
 * How the camera recorded a movie.
 *
 * @param format file format ({@link OutputFormat#id()})
 * @param noise {@code "poisson"} (counts) or {@code "none"} (noise-free expected counts, float32 only)
 * @param meanCountsPerPixelPerFrame dose per frame times the pixel area (e/Å² × Å²), before gain
 * @param gainReference file name (beside the movie) of the gain reference to MULTIPLY the raw frames by, or null
 *        when the movie was simulated without gain
 * @param defects file name of the defect list (dead and hot pixels, MotionCor2 {@code -DefectFile} format:
 *        {@code x y w h} per line), or null without gain
 */
public record DetectorTruth(String format, String noise, double meanCountsPerPixelPerFrame, String gainReference,
                            String defects) {
}
