package org.scipionj.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.scipionj.image.Frame;
import org.scipionj.image.io.internal.MrcPixels;

/**
 * Reads an MRC image, stack or movie frame by frame from a memory-mapped file: the heap holds only
 * the frames asked for, whatever the file size. The header is read and validated on
 * {@link #open(Path)} (including that the file is as long as the header promises). Safe for
 * concurrent {@code readFrame} calls; {@link #close()} must not race with them. The file is mapped in
 * regions of at most 1 GiB holding whole frames; Java releases mappings only when they are
 * garbage-collected, so address space (not heap) stays reserved a while after {@code close()}.
 *
 * <pre>{@code
 * try (MrcMovieReader movie = MrcMovieReader.open(path)) {
 *     MrcHeader h = movie.header();
 *     Frame first = movie.readFrame(0);
 * }
 * }</pre>
 */
public final class MrcMovieReader implements MovieReader {

    /** Largest region mapped at once; regions hold whole frames. */
    private static final long REGION_BYTES = 1L << 30;

    private final Path file;
    private final MrcHeader header;
    private final MrcMode mode;
    private final FileChannel channel;
    private final MappedByteBuffer[] regions;
    private final int framesPerRegion;
    private final long frameBytes;
    private volatile boolean closed;

    private MrcMovieReader(Path file, MrcHeader header, FileChannel channel) throws IOException {
        this.file = file;
        this.header = header;
        this.mode = header.pixelMode();
        this.channel = channel;
        this.frameBytes = header.frameBytes();
        if (!mode.isReal()) {
            throw new InvalidImageException(file, InvalidImageException.Reason.UNSUPPORTED_DATA,
                    file + " holds complex data (MRC mode " + mode.code() + ", " + mode.label()
                            + ") that cannot be read as real frames; convert it to mode 2 (float32)");
        }
        if (frameBytes > Integer.MAX_VALUE - 8 || (long) header.nx() * header.ny() > Integer.MAX_VALUE - 8) {
            throw new InvalidImageException(file, InvalidImageException.Reason.BAD_DIMENSIONS,
                    file + " has " + header.nx() + " x " + header.ny() + " frames, too large for one frame in memory");
        }
        this.framesPerRegion = (int) Math.max(1, Math.min(header.nz(), REGION_BYTES / Math.max(1, frameBytes)));
        int count = (header.nz() + framesPerRegion - 1) / framesPerRegion;
        this.regions = new MappedByteBuffer[count];
        for (int i = 0; i < count; i++) {
            int first = i * framesPerRegion;
            int n = Math.min(framesPerRegion, header.nz() - first);
            regions[i] = channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + first * frameBytes,
                    n * frameBytes);
        }
    }

    /**
     * Opens {@code file} and validates its header.
     *
     * @throws InvalidImageException if the file is not a readable MRC (message says why)
     * @throws IOException if it cannot be opened
     */
    public static MrcMovieReader open(Path file) throws IOException {
        FileChannel ch = MrcHeaderReader.open(file);
        try {
            return new MrcMovieReader(file, MrcHeaderReader.read(file, ch), ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The validated header. */
    public MrcHeader header() {
        return header;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int width() {
        return header.nx();
    }

    @Override
    public int height() {
        return header.ny();
    }

    @Override
    public int frames() {
        return header.nz();
    }

    @Override
    public double pixelSizeA() {
        return header.pixelSizeA();
    }

    @Override
    public Frame readFrame(int z) throws IOException {
        float[] data = new float[header.nx() * header.ny()];
        readFrame(z, data);
        return new Frame(header.nx(), header.ny(), data);
    }

    @Override
    public void readFrame(int z, float[] into) throws IOException {
        if (z < 0 || z >= header.nz()) {
            throw new IndexOutOfBoundsException("frame " + z + " of " + file + ", which has " + header.nz()
                    + " frames (0.." + (header.nz() - 1) + ")");
        }
        int n = header.nx() * header.ny();
        if (into.length < n) {
            throw new IllegalArgumentException("a " + header.nx() + "x" + header.ny() + " frame needs " + n
                    + " values, the array holds " + into.length);
        }
        if (closed) {
            throw new IOException(file + " is closed");
        }
        // NB: a duplicate per call gives each thread its own position over the shared mapping.
        ByteBuffer b = regions[z / framesPerRegion].duplicate().order(header.byteOrder());
        b.position((int) ((z % framesPerRegion) * frameBytes));
        MrcPixels.decode(b, mode, header.unsignedBytes(), header.nx(), header.ny(), into);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "MRC " + file + " (" + header.nx() + "x" + header.ny() + "x" + header.nz() + ", mode " + header.mode() + ")";
    }
}
