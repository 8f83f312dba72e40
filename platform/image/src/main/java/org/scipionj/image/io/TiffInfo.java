package org.scipionj.image.io;

import java.nio.ByteOrder;

/**
 * What the directories (IFDs) of a single-sample, multi-page TIFF say, after
 * {@link TiffHeaderReader} checked that every page has the same size and layout and that all the
 * data the directories point to lies inside the file. Immutable, so thread-safe.
 *
 * @param width page width in pixels
 * @param height page height in pixels
 * @param frames number of pages (frames of a movie)
 * @param pixelType how a pixel is stored
 * @param compression compression of the pages
 * @param predictor TIFF predictor (1 none, 2 horizontal differencing, 3 floating point)
 * @param byteOrder byte order of the file
 * @param bigTiff whether the file is a BigTIFF (64-bit offsets)
 */
public record TiffInfo(int width, int height, int frames, TiffPixelType pixelType, TiffCompression compression,
                       int predictor, ByteOrder byteOrder, boolean bigTiff) {

    /** TIFF stores no pixel size that EM software agrees on: always 0 (unknown). */
    public double pixelSizeA() {
        return 0.0;
    }
}
