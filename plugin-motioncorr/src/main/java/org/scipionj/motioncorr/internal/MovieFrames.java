package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.scipionj.image.io.GainCorrection;
import org.scipionj.image.io.GainOrientation;
import org.scipionj.image.io.MovieReader;
import org.scipionj.image.io.MovieReaders;

/**
 * The frames of one movie as the aligner sees them: read from the file one at a time (never the whole movie in
 * memory), gain-, dark- and defect-corrected, and cropped to the region of interest. Safe for concurrent
 * {@link #read} calls (the readers and the correction are); close it to release the file.
 */
final class MovieFrames implements AutoCloseable {

    private final MovieReader reader;
    private final GainCorrection correction;
    private final int x0;
    private final int y0;
    private final int width;
    private final int height;

    private MovieFrames(MovieReader reader, GainCorrection correction, int x0, int y0, int width, int height) {
        this.reader = reader;
        this.correction = correction;
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
    }

    /**
     * Opens {@code file} with its references.
     *
     * @param crop {@code {x, y, width, height}} of the region to keep; 0 for a size means up to the frame's edge
     * @throws IOException naming the file when the movie or a reference cannot be read or does not fit
     */
    static MovieFrames open(Path file, Path gain, Path dark, GainOrientation orientation, Path defectFile,
                            Path defectMap, int[] crop) throws IOException {
        MovieReader reader = MovieReaders.open(file);
        try {
            int w = reader.width();
            int h = reader.height();
            GainCorrection gc = gain == null && dark == null && defectFile == null && defectMap == null ? null
                    : GainCorrection.load(w, h, gain, orientation, dark, defectFile, defectMap);
            int cx = Math.max(0, crop[0]);
            int cy = Math.max(0, crop[1]);
            int cw = crop[2] > 0 ? crop[2] : w - cx;
            int ch = crop[3] > 0 ? crop[3] : h - cy;
            if (cx + cw > w || cy + ch > h || cw < 16 || ch < 16) {
                throw new IllegalArgumentException("the crop region x=" + cx + " y=" + cy + " " + cw + "x" + ch
                        + " (cropOffsetX/Y, cropDimX/Y) does not fit the " + w + "x" + h + " frames of " + file
                        + "; reduce it or set the dimensions to 0 for the whole frame");
            }
            return new MovieFrames(reader, gc, cx, cy, cw, ch);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Width of the frames given out (after cropping). */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int frames() {
        return reader.frames();
    }

    /** Pixel size in the file header (Å), 0 when unknown. */
    double headerPixelSize() {
        return reader.pixelSizeA();
    }

    /** Floats needed by {@link #read}'s buffer: a whole uncropped frame. */
    int bufferSize() {
        return reader.width() * reader.height();
    }

    /** Reads corrected frame {@code z} into the first {@code width * height} values of {@code buffer}. */
    void read(int z, float[] buffer) throws IOException {
        read(z, buffer, null);
    }

    /** As above, adding the CPU time spent reading and correcting to {@code timings} unless it is null. */
    void read(int z, float[] buffer, Timings timings) throws IOException {
        long t0 = timings == null ? 0 : Timings.cpu();
        reader.readFrame(z, buffer);
        long t1 = timings == null ? 0 : Timings.cpu();
        if (correction != null) {
            correction.apply(buffer);
        }
        if (timings != null) {
            timings.add("  of which read (CPU)", t1 - t0);
            timings.add("  of which gain, defects (CPU)", Timings.cpu() - t1);
        }
        int rw = reader.width();
        if (x0 != 0 || y0 != 0 || width != rw) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(buffer, (y0 + y) * rw + x0, buffer, y * width, width);
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
