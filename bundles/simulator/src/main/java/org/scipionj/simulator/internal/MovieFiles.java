package org.scipionj.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.io.MrcWriter;
import org.scipionj.image.io.TiffCompression;
import org.scipionj.image.io.TiffPixelType;
import org.scipionj.image.io.TiffWriter;
import org.scipionj.simulator.OutputFormat;

/**
 * A movie file being written frame by frame, in any {@link OutputFormat}, through the image bundle's writers.
 * Atomic: written under a hidden temporary name and renamed by {@link #commit()}; otherwise the file grows under
 * its final name (as detectors write). Not thread-safe.
 */
interface MovieFiles extends AutoCloseable {

    /** Appends one frame of {@code width * height} values (the array is not kept). */
    void write(float[] frame) throws IOException;

    /** Finishes the file (renames it onto the target when atomic). */
    void commit() throws IOException;

    /** Values clamped to the format's range so far. */
    long clippedValues();

    @Override
    void close() throws IOException;

    /** Opens {@code target} for a movie of {@code frames} frames. */
    static MovieFiles open(OutputFormat format, Path target, int width, int height, int frames, double pixelSize_A,
                           boolean atomic, String label) throws IOException {
        if (format == OutputFormat.TIFF) {
            TiffWriter w = TiffWriter.to(target, TiffPixelType.UINT8, TiffCompression.LZW).atomic(atomic)
                    .open(width, height);
            return new MovieFiles() {
                @Override
                public void write(float[] frame) throws IOException {
                    w.write(new Frame(width, height, frame));
                }

                @Override
                public void commit() throws IOException {
                    w.commit();
                }

                @Override
                public long clippedValues() {
                    return w.clippedValues();
                }

                @Override
                public void close() throws IOException {
                    w.close();
                }
            };
        }
        MrcMode mode = switch (format) {
            case MRC_FLOAT32 -> MrcMode.FLOAT32;
            case MRC_INT16 -> MrcMode.INT16;
            case MRC_UINT8 -> MrcMode.INT8;
            case TIFF -> throw new AssertionError(format);
        };
        MrcWriter w = MrcWriter.to(target).mode(mode).pixelSize(pixelSize_A).frames(frames).atomic(atomic)
                .label(label).open(width, height);
        return new MovieFiles() {
            @Override
            public void write(float[] frame) throws IOException {
                w.write(frame);
            }

            @Override
            public void commit() throws IOException {
                w.commit();
            }

            @Override
            public long clippedValues() {
                return w.clippedValues();
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }
}
