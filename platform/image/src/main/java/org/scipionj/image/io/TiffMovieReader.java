package org.scipionj.image.io;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.stream.BufferedFileImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.scipionj.image.Frame;
import org.scipionj.image.io.internal.TiffStrips;

/**
 * Reads a multi-page TIFF movie page by page (8/16/32-bit integer or 32-bit float, uncompressed,
 * LZW, deflate or PackBits, with or without predictor). On {@link #open(Path)} the directories are
 * checked by {@link TiffHeaderReader}, so a truncated or odd file fails with a clear
 * {@link InvalidImageException} before any pixel is decoded. Pixel size is always 0 (TIFF has no EM
 * pixel size).
 *
 * <p>Decoding policy: pages in strips, uncompressed, LZW or deflate, without predictor or with
 * horizontal differencing (what K2/K3 cameras, SerialEM, EPU and this package write) are decoded
 * by a built-in fast path straight into floats. Everything else (tiles, PackBits, the
 * floating-point predictor, pre-6.0 LZW) falls back to the TwelveMonkeys ImageIO TIFF reader,
 * instantiated directly (no ImageIO plugin lookup, which does not work across OSGi class loaders),
 * which is correct but about 20 times slower. Safe for concurrent {@code readFrame} calls: the fast
 * path runs them in parallel, the library path one at a time.
 *
 * <pre>{@code
 * try (TiffMovieReader movie = TiffMovieReader.open(Path.of("movie.tif"))) {
 *     Frame f = movie.readFrame(0);
 * }
 * }</pre>
 */
public final class TiffMovieReader implements MovieReader {

    private final Path file;
    private final TiffInfo info;
    private final TiffHeaderReader.TiffLayout layout;
    private final FileChannel channel;
    private volatile boolean fast;
    private ImageInputStream input;
    private ImageReader reader;
    private BufferedImage buffer;
    private volatile boolean closed;

    private TiffMovieReader(Path file, TiffHeaderReader.TiffLayout layout, FileChannel channel) {
        this.file = file;
        this.info = layout.info();
        this.layout = layout;
        this.channel = channel;
        this.fast = layout.plainStrips() && TiffStrips.handles(info.compression().code(), info.predictor(),
                info.pixelType().bits(), info.pixelType().sampleFormat());
    }

    /**
     * Opens {@code file} and checks its directories.
     *
     * @throws InvalidImageException if it is not a readable TIFF movie (message says why)
     * @throws IOException if it cannot be opened
     */
    public static TiffMovieReader open(Path file) throws IOException {
        TiffHeaderReader.TiffLayout layout = TiffHeaderReader.layout(file);
        return new TiffMovieReader(file, layout, FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Whether pages are decoded by the built-in fast path (true) or by the TIFF library (false). */
    public boolean fastPath() {
        return fast;
    }

    /** What the directories say (size, pages, pixel type, compression). */
    public TiffInfo info() {
        return info;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int width() {
        return info.width();
    }

    @Override
    public int height() {
        return info.height();
    }

    @Override
    public int frames() {
        return info.frames();
    }

    @Override
    public double pixelSizeA() {
        return info.pixelSizeA();
    }

    @Override
    public Frame readFrame(int z) throws IOException {
        float[] data = new float[info.width() * info.height()];
        readFrame(z, data);
        return new Frame(info.width(), info.height(), data);
    }

    @Override
    public void readFrame(int z, float[] into) throws IOException {
        if (z < 0 || z >= info.frames()) {
            throw new IndexOutOfBoundsException("frame " + z + " of " + file + ", which has " + info.frames()
                    + " frames (0.." + (info.frames() - 1) + ")");
        }
        int n = info.width() * info.height();
        if (into.length < n) {
            throw new IllegalArgumentException("a " + info.width() + "x" + info.height() + " frame needs " + n
                    + " values, the array holds " + into.length);
        }
        if (closed) {
            throw new IOException(file + " is closed");
        }
        if (fast) {
            try {
                TiffStrips.decode(channel, layout.offsets()[z], layout.counts()[z], layout.rowsPerStrip()[z],
                        info.width(), info.height(), info.pixelType().bits(), info.pixelType().sampleFormat(),
                        info.compression().code(), info.predictor(), info.byteOrder(), into);
                return;
            } catch (TiffStrips.Corrupt e) {
                throw new InvalidImageException(file, InvalidImageException.Reason.CORRUPT_DATA, file + ": page " + z
                        + " (" + info.compression() + ", " + info.pixelType() + ") is corrupt: " + e.getMessage()
                        + "; the file was damaged or cut short; copy it again");
            } catch (TiffStrips.NeedsLibrary e) {
                fast = false; // NB: e.g. old-style LZW; the library handles it, for this and later pages
            }
        }
        readWithLibrary(z, into);
    }

    /** Decodes page {@code z} with the TIFF library, whatever the layout (package-private for tests). */
    synchronized void readWithLibrary(int z, float[] into) throws IOException {
        if (reader == null) {
            input = new BufferedFileImageInputStream(file.toFile());
            reader = new TIFFImageReaderSpi().createReaderInstance();
            reader.setInput(input, false, true);
        }
        Raster raster;
        try {
            // NB: readRaster, not read: read() clamps float samples to 0..1 for display, readRaster keeps
            // them as stored. The destination image is reused, so pages decode into the same arrays.
            if (buffer == null) {
                buffer = reader.getRawImageType(z).createBufferedImage(info.width(), info.height());
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(buffer);
            raster = reader.readRaster(z, param);
        } catch (IOException | RuntimeException e) {
            buffer = null;
            throw new InvalidImageException(file, InvalidImageException.Reason.CORRUPT_DATA, file + ": page " + z
                    + " cannot be decoded (" + info.compression() + ", " + info.pixelType() + "): " + e
                    + "; the file is corrupt or was cut short; copy it again", e);
        }
        copy(raster, into);
    }

    /** Copies the decoded samples to floats, using the raw arrays when the layout is the plain one. */
    private void copy(Raster raster, float[] into) {
        int w = info.width();
        int n = w * info.height();
        DataBuffer db = raster.getDataBuffer();
        boolean plain = raster.getSampleModel() instanceof ComponentSampleModel sm
                && sm.getPixelStride() == 1 && sm.getScanlineStride() == w && db.getNumBanks() == 1
                && db.getOffset() == 0 && sm.getBandOffsets()[0] == 0 && db.getDataType() == dataType(info.pixelType()) && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        if (!plain) {
            raster.getSamples(0, 0, w, info.height(), 0, into); // NB: slow generic path, same values
            if (info.pixelType() == TiffPixelType.INT8) {
                for (int i = 0; i < n; i++) {
                    into[i] = (byte) into[i];
                }
            }
            return;
        }
        switch (info.pixelType()) {
            case UINT8 -> {
                byte[] a = ((DataBufferByte) db).getData();
                for (int i = 0; i < n; i++) {
                    into[i] = a[i] & 0xff;
                }
            }
            case INT8 -> {
                byte[] a = ((DataBufferByte) db).getData();
                for (int i = 0; i < n; i++) {
                    into[i] = a[i];
                }
            }
            case UINT16, INT16 -> {
                short[] a = db instanceof DataBufferUShort u ? u.getData() : ((DataBufferShort) db).getData();
                if (info.pixelType() == TiffPixelType.UINT16) {
                    for (int i = 0; i < n; i++) {
                        into[i] = a[i] & 0xffff;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        into[i] = a[i];
                    }
                }
            }
            case UINT32, INT32 -> {
                int[] a = ((DataBufferInt) db).getData();
                if (info.pixelType() == TiffPixelType.UINT32) {
                    for (int i = 0; i < n; i++) {
                        into[i] = a[i] & 0xffffffffL;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        into[i] = a[i];
                    }
                }
            }
            case FLOAT32 -> System.arraycopy(((DataBufferFloat) db).getData(), 0, into, 0, n);
        }
    }

    /** The AWT data type the TIFF library decodes this pixel type into. */
    private static int dataType(TiffPixelType t) {
        return switch (t) {
            case UINT8, INT8 -> DataBuffer.TYPE_BYTE;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case INT16 -> DataBuffer.TYPE_SHORT;
            case UINT32, INT32 -> DataBuffer.TYPE_INT;
            case FLOAT32 -> DataBuffer.TYPE_FLOAT;
        };
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
            if (reader != null) {
                reader.dispose();
                input.close();
            }
            buffer = null;
        }
    }

    @Override
    public String toString() {
        return "TIFF " + file + " (" + info.width() + "x" + info.height() + "x" + info.frames() + ", "
                + info.pixelType() + ", " + info.compression() + ")";
    }
}
