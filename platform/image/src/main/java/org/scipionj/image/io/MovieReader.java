package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.image.Frame;

/**
 * An open movie, image stack or single image, read one frame (section, page) at a time so that a
 * whole movie never has to fit in the heap. Frames are numbered from 0; pixels come row by row as
 * in {@link Frame}, in the order the file stores them (MRC: first row first; TIFF: top row first).
 * Open one with {@link MovieReaders#open(Path)}; close it to release the file.
 *
 * <p>Implementations in this package are safe for concurrent {@code readFrame} calls from several
 * threads (the MRC reader reads in parallel, the TIFF reader one call at a time).
 *
 * <pre>{@code
 * try (MovieReader movie = MovieReaders.open(file)) {
 *     float[] pixels = new float[movie.width() * movie.height()];
 *     for (int z = 0; z < movie.frames(); z++) {
 *         movie.readFrame(z, pixels);   // reuses one buffer
 *     }
 *     Frame first = movie.readFrame(0); // or a new Frame per call
 * }
 * }</pre>
 */
@ProviderType
public interface MovieReader extends AutoCloseable {

    /** The file being read. */
    Path file();

    /** Frame width (columns) in pixels. */
    int width();

    /** Frame height (rows) in pixels. */
    int height();

    /** Number of frames (MRC: nz; TIFF: pages). */
    int frames();

    /** Pixel size from the file header in Å, or 0 when the header has none (always 0 for TIFF). */
    double pixelSizeA();

    /**
     * Reads frame {@code z} into a new {@link Frame}.
     *
     * @throws IndexOutOfBoundsException if {@code z} is not in {@code 0..frames()-1}
     * @throws InvalidImageException if the data cannot be decoded (corrupt or cut short since opening)
     * @throws IOException if the file cannot be read
     */
    Frame readFrame(int z) throws IOException;

    /**
     * Reads frame {@code z} into {@code into}, which must hold at least {@code width() * height()}
     * values; nothing else is allocated per call beyond small scratch buffers.
     *
     * @throws IllegalArgumentException if {@code into} is too small
     * @throws IndexOutOfBoundsException if {@code z} is not in {@code 0..frames()-1}
     * @throws InvalidImageException if the data cannot be decoded
     * @throws IOException if the file cannot be read
     */
    void readFrame(int z, float[] into) throws IOException;

    /** Releases the file; further reads fail. Idempotent. */
    @Override
    void close() throws IOException;
}
