/**
 * Image processing on {@link org.scipionj.image.Frame}s and their spectra: Fourier resizing (binning, padding),
 * power spectra and rotational averages, Fourier filters (Gaussian, band-pass, B-factor), sub-pixel shifts,
 * cross-correlation with sub-pixel peak finding, statistics and normalisation, real-space cropping, padding,
 * binning and sums, and PNG thumbnails.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Spectra, frequencies and FFT normalisation as in {@link org.scipionj.image.fft}: frequencies in cycles/pixel,
 * B-factors in Å² with the pixel size in Å/px.</li>
 * <li><b>Shifts</b> are in pixels; shifting by {@code (dx, dy)} moves the content towards {@code +x, +y}:
 * {@code g(x, y) = f(x - dx, y - dy)}. {@link org.scipionj.image.process.CrossCorrelation} reports the shift of its
 * second image relative to its first with the same sign, so shifting the second by the opposite aligns it.</li>
 * <li><b>Centred</b> maps (power spectra, correlation maps) put zero at pixel {@code (width/2, height/2)}.</li>
 * <li>Methods named like verbs on a spectrum ({@code FourierFilters.lowPass}, {@code FourierShift.shift}) change it
 * in place; methods that return a {@code Frame} or {@code ComplexFrame} make a new one and leave their inputs
 * alone. All classes are stateless and thread-safe; the frames passed in must not be written by other threads
 * meanwhile.</li>
 * <li>Loops over large images run on the FFT thread pool ({@link org.scipionj.image.fft.Fft#setThreads(int)}).</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image.process;
