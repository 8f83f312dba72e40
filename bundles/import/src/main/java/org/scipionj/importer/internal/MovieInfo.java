package org.scipionj.importer.internal;

/**
 * What the import needs to know about one movie file, independent of its format. Immutable, so
 * thread-safe.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param frames number of frames
 * @param pixelSizeA pixel size from the file header in Å, or 0 when the header has none
 * @param format lower-case format name, e.g. {@code mrc}, {@code mrcs}, {@code st}
 */
public record MovieInfo(int width, int height, int frames, double pixelSizeA, String format) {
}
