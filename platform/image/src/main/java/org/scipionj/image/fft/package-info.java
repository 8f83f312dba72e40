/**
 * 2D real-to-complex FFTs of {@link org.scipionj.image.Frame}s, multithreaded, through JTransforms (embedded
 * privately).
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li><b>Layout</b>: a {@link org.scipionj.image.fft.ComplexFrame} holds the non-redundant half of the spectrum of a
 * real {@code width x height} image: {@code width/2+1} columns ({@code kx >= 0}) by {@code height} rows, each value
 * interleaved {@code re, im}. Rows are in FFT order (row 0 is {@code ky = 0}, negative frequencies in the upper
 * half), as in FFTW's and numpy's {@code rfft2}.</li>
 * <li><b>Sign</b>: the forward transform is {@code F(k) = sum_x f(x) exp(-2 pi i k.x)}.</li>
 * <li><b>Normalisation</b>: forward is not scaled ({@code F(0)} is the sum of the pixels); inverse is scaled by
 * {@code 1/(width*height)}, so {@code inverse(forward(x)) == x}.</li>
 * <li><b>Frequencies</b>: in cycles per pixel, in {@code [-0.5, 0.5)}; see {@link org.scipionj.image.fft.Frequencies}
 * (numpy's {@code fftfreq}/{@code fftshift} conventions, centre at index {@code n/2}).</li>
 * <li><b>Threads</b>: all transforms share one pool, sized by {@link org.scipionj.image.fft.Fft#setThreads(int)}.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image.fft;
