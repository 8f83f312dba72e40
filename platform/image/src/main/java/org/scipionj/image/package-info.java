/**
 * EM images: a {@link org.scipionj.image.Frame} is a {@code float[]} plus its width and height. Sub-packages:
 * {@code io} reads and writes MRC and TIFF files and applies gain references; {@code fft} and {@code process}
 * hold the numerics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image;
