package org.scipionj.image.io;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.scipionj.image.Frame;
import org.scipionj.image.io.internal.OutputFile;

/**
 * Writes a multi-page TIFF movie page by page (one page per frame, one strip per page) through the
 * TwelveMonkeys ImageIO TIFF writer, instantiated directly. Pixel types: unsigned 8/16/32-bit and
 * signed 16-bit ({@link TiffPixelType#writable()}); compressions: none, LZW, deflate (the last two
 * with horizontal-differencing predictor, as the library writes them). Values are rounded to
 * nearest and clamped to the type's range ({@link #clippedValues()} counts clamped values and NaNs).
 * Like {@link MrcWriter}, the file is written under a hidden temporary name and renamed onto the
 * target by {@link #commit()}; {@link #close()} without commit deletes it. Not thread-safe: one
 * thread writes.
 *
 * <pre>{@code
 * try (TiffWriter w = TiffWriter.to(Path.of("movie.tif"), TiffPixelType.UINT8, TiffCompression.LZW)
 *         .open(4096, 4096)) {
 *     for (Frame counts : frames) {
 *         w.write(counts);
 *     }
 *     w.commit();
 * }
 * }</pre>
 */
public final class TiffWriter implements AutoCloseable {

    private final Path target;
    private final TiffPixelType type;
    private final OutputFile out;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final BufferedImage page;
    private final int width;
    private final int height;
    private int written;
    private long clipped;
    private boolean finished;
    private boolean released;

    private TiffWriter(Builder b, int width, int height) throws IOException {
        this.target = b.target;
        this.type = b.type;
        this.width = width;
        this.height = height;
        this.page = newPage(b.type, width, height);
        this.out = OutputFile.create(b.target, b.atomic);
        ImageOutputStream s = null;
        try {
            s = new FileImageOutputStream(out.path().toFile());
            writer = new TIFFImageWriterSpi().createWriterInstance();
            writer.setOutput(s);
            param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(b.compression.libraryName());
            writer.prepareWriteSequence(null);
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.close();
            }
            out.abort();
            throw e;
        }
        this.stream = s;
    }

    /** Starts describing a TIFF movie at {@code target}. */
    public static Builder to(Path target, TiffPixelType type, TiffCompression compression) {
        return new Builder(target, type, compression);
    }

    /**
     * Appends one frame as a page.
     *
     * @throws IllegalArgumentException if its size differs from the writer's
     * @throws IllegalStateException after commit/close
     */
    public void write(Frame frame) throws IOException {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + written + " is " + frame.width() + "x" + frame.height()
                    + " but " + target + " is being written as " + width + "x" + height);
        }
        if (finished) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        fill(frame.data());
        writer.writeToSequence(new IIOImage(page, null, null), param);
        written++;
    }

    /** Frames written so far. */
    public int framesWritten() {
        return written;
    }

    /** Values clamped to the pixel type's range (or NaN) so far. */
    public long clippedValues() {
        return clipped;
    }

    /**
     * Finishes the file and renames it onto the target.
     *
     * @throws IllegalStateException if no frame was written
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        if (written == 0) {
            throw new IllegalStateException(target + ": no frame written; nothing was committed");
        }
        finished = true;
        try {
            writer.endWriteSequence();
            release();
            out.commit();
        } catch (IOException | RuntimeException e) {
            release();
            out.abort();
            throw e;
        }
    }

    private void release() throws IOException {
        if (!released) {
            released = true;
            writer.dispose();
            stream.close();
        }
    }

    /** Closes the writer; without a successful {@link #commit()}, deletes what was written. */
    @Override
    public void close() throws IOException {
        finished = true;
        try {
            release();
        } finally {
            out.abort();
        }
    }

    private void fill(float[] src) {
        int n = width * height;
        int lo = (int) Math.max(Integer.MIN_VALUE, type.minValue());
        DataBuffer db = page.getRaster().getDataBuffer();
        switch (type) {
            case UINT8 -> {
                byte[] a = ((DataBufferByte) db).getData();
                for (int i = 0; i < n; i++) {
                    a[i] = (byte) quantise(src[i], 0, 255);
                }
            }
            case UINT16 -> {
                short[] a = ((DataBufferUShort) db).getData();
                for (int i = 0; i < n; i++) {
                    a[i] = (short) quantise(src[i], 0, 65535);
                }
            }
            case INT16 -> {
                short[] a = ((DataBufferShort) db).getData();
                for (int i = 0; i < n; i++) {
                    a[i] = (short) quantise(src[i], lo, Short.MAX_VALUE);
                }
            }
            case UINT32 -> {
                int[] a = ((DataBufferInt) db).getData();
                for (int i = 0; i < n; i++) {
                    a[i] = (int) quantise(src[i], 0, 4294967295L);
                }
            }
            default -> throw new IllegalStateException("unwritable type " + type);
        }
    }

    private long quantise(float v, long lo, long hi) {
        if (v != v) {
            clipped++;
            return Math.max(lo, 0);
        }
        double r = Math.rint(v);
        if (r < lo || r > hi) {
            clipped++;
            return r < lo ? lo : hi;
        }
        return (long) r;
    }

    private static BufferedImage newPage(TiffPixelType type, int width, int height) {
        int dataType = switch (type) {
            case UINT8 -> DataBuffer.TYPE_BYTE;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case INT16 -> DataBuffer.TYPE_SHORT;
            case UINT32 -> DataBuffer.TYPE_INT;
            default -> throw new IllegalArgumentException(type + " TIFF cannot be written (the TIFF library writes"
                    + " unsigned 8/16/32-bit and signed 16-bit samples); write float data as MRC (MrcWriter)");
        };
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                new int[] {type.bits()}, false, false, Transparency.OPAQUE, dataType);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        return new BufferedImage(cm, raster, false, null);
    }

    /** What to write; {@link #open(int, int)} starts writing. Not thread-safe. */
    public static final class Builder {
        private final Path target;
        private final TiffPixelType type;
        private final TiffCompression compression;
        private boolean atomic = true;

        private Builder(Path target, TiffPixelType type, TiffCompression compression) {
            this.target = Objects.requireNonNull(target, "target");
            this.type = Objects.requireNonNull(type, "type");
            this.compression = Objects.requireNonNull(compression, "compression");
            if (!type.writable()) {
                throw new IllegalArgumentException(type + " TIFF cannot be written (the TIFF library writes"
                        + " unsigned 8/16/32-bit and signed 16-bit samples); write float data as MRC (MrcWriter)");
            }
            if (!compression.writable()) {
                throw new IllegalArgumentException(compression + " TIFF compression cannot be written;"
                        + " use NONE, LZW or DEFLATE");
            }
        }

        /** Temporary file + rename (default true), or write the target in place (false). */
        public Builder atomic(boolean atomic) {
            this.atomic = atomic;
            return this;
        }

        /**
         * Creates the file; pages follow with {@link TiffWriter#write(Frame)}.
         *
         * @throws IllegalArgumentException for impossible dimensions
         */
        public TiffWriter open(int width, int height) throws IOException {
            if (width <= 0 || height <= 0 || width > MrcHeaderReader.MAX_AXIS || height > MrcHeaderReader.MAX_AXIS
                    || (long) width * height > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("impossible frame size " + width + "x" + height + " for " + target);
            }
            return new TiffWriter(this, width, height);
        }
    }
}
