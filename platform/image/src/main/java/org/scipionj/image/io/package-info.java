/**
 * EM image files: MRC2014 and TIFF movies, stacks and images, read frame by frame into
 * {@link org.scipionj.image.Frame}s and written atomically; gain, dark and defect correction.
 *
 * <ul>
 * <li>Reading: {@link org.scipionj.image.io.MovieReaders#open(java.nio.file.Path)} gives a
 * {@link org.scipionj.image.io.MovieReader} for an MRC ({@code .mrc .mrcs .st .map}) or TIFF
 * ({@code .tif .tiff}) file; headers alone: {@link org.scipionj.image.io.MrcHeaderReader},
 * {@link org.scipionj.image.io.TiffHeaderReader}.</li>
 * <li>Writing: {@link org.scipionj.image.io.MrcWriter} / {@link org.scipionj.image.io.MrcFiles},
 * {@link org.scipionj.image.io.TiffWriter} / {@link org.scipionj.image.io.TiffFiles}.</li>
 * <li>Corrections: {@link org.scipionj.image.io.GainCorrection}.</li>
 * <li>Bad files: {@link org.scipionj.image.io.InvalidImageException}, which names the file, the
 * problem and what to do.</li>
 * </ul>
 *
 * <pre>{@code
 * try (MovieReader movie = MovieReaders.open(Path.of("movie.mrcs"))) {
 *     float[] pixels = new float[movie.width() * movie.height()];
 *     for (int z = 0; z < movie.frames(); z++) {
 *         movie.readFrame(z, pixels);
 *     }
 * }
 * MrcFiles.write(Path.of("sum.mrc"), List.of(sum), MrcMode.FLOAT32, 1.05, "motion-corrected sum");
 * }</pre>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image.io;
