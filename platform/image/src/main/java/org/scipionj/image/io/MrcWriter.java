package org.scipionj.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scipionj.image.Frame;
import org.scipionj.image.io.internal.MrcHeaderBytes;
import org.scipionj.image.io.internal.MrcPixels;
import org.scipionj.image.io.internal.OutputFile;
import org.scipionj.image.io.internal.RunningStats;

/**
 * Writes an MRC2014 image, stack or movie frame by frame, so a movie never has to be held whole.
 * The header gets the pixel size ({@code cella = mx * pixel size}), labels, origin, and the minimum,
 * maximum, mean and RMS of the values as stored. By default the file is written under a hidden
 * temporary name beside the target and renamed onto it by {@link #commit()}, so nobody sees a
 * partial file; {@link #close()} without {@code commit()} deletes it. With
 * {@link Builder#atomic(boolean) atomic(false)} the target grows in place (as a detector writes),
 * which requires the frame count up front so the header is right from the first byte.
 *
 * <p>Values are converted to the mode: integer modes round to nearest and clamp to the mode's
 * range ({@link #clippedValues()} counts clamped values and NaNs), float16 rounds to nearest even.
 * Not thread-safe: one thread writes.
 *
 * <pre>{@code
 * try (MrcWriter w = MrcWriter.to(Path.of("movie.mrcs")).mode(MrcMode.INT16).pixelSize(0.83)
 *         .label("simulated falcon4").open(4096, 4096)) {
 *     for (Frame f : frames) {
 *         w.write(f);
 *     }
 *     w.commit();
 * }
 * }</pre>
 */
public final class MrcWriter implements AutoCloseable {

    private final Builder spec;
    private final int width;
    private final int height;
    private final OutputFile out;
    private final FileChannel channel;
    private final RunningStats stats = new RunningStats();
    private int written;
    private long clipped;
    private boolean finished;

    private MrcWriter(Builder spec, int width, int height) throws IOException {
        this.spec = spec;
        this.width = width;
        this.height = height;
        this.out = OutputFile.create(spec.target, spec.atomic);
        FileChannel ch = null;
        try {
            ch = out.openChannel();
            int nz = spec.frames > 0 ? spec.frames : 1;
            ch.write(MrcHeaderBytes.encode(header(nz, -1, -2, -3, -1)), 0);
            if (spec.extendedHeader.length > 0) {
                ch.write(ByteBuffer.wrap(spec.extendedHeader), MrcHeader.HEADER_BYTES);
            }
            ch.position(MrcHeader.HEADER_BYTES + (long) spec.extendedHeader.length);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            out.abort();
            throw e;
        }
        this.channel = ch;
    }

    /** Starts describing a new file at {@code target}. */
    public static Builder to(Path target) {
        return new Builder(target);
    }

    /**
     * Appends one frame.
     *
     * @throws IllegalArgumentException if its size differs from the writer's
     * @throws IllegalStateException after commit/close, or beyond the frame count declared
     * @throws IOException if writing fails (the writer is then unusable; close it)
     */
    public void write(Frame frame) throws IOException {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + written + " is " + frame.width() + "x" + frame.height()
                    + " but " + spec.target + " is being written as " + width + "x" + height);
        }
        write(frame.data());
    }

    /** As {@link #write(Frame)}, from {@code width * height} values row by row. */
    public void write(float[] pixels) throws IOException {
        if (finished) {
            throw new IllegalStateException(spec.target + " is already committed or closed");
        }
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " values, got " + pixels.length);
        }
        if (spec.frames > 0 && written >= spec.frames) {
            throw new IllegalStateException(spec.target + " was declared with " + spec.frames
                    + " frames; frame " + written + " is one too many");
        }
        clipped += MrcPixels.encode(pixels, width, height, spec.mode, spec.order, this::writeFully, stats);
        written++;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Frames written so far. */
    public int framesWritten() {
        return written;
    }

    /** Values clamped to the mode's range (or NaN in an integer mode) so far. */
    public long clippedValues() {
        return clipped;
    }

    /**
     * Finishes the file: writes the final header (frame count and statistics) and, when atomic,
     * renames the temporary file onto the target.
     *
     * @return the header written
     * @throws IllegalStateException if no frame was written, or fewer than declared
     */
    public MrcHeader commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(spec.target + " is already committed or closed");
        }
        if (written == 0 || (spec.frames > 0 && written != spec.frames)) {
            throw new IllegalStateException(spec.target + ": " + written + " frames written but "
                    + (spec.frames > 0 ? spec.frames + " declared" : "at least 1 needed")
                    + "; nothing was committed");
        }
        finished = true;
        try {
            MrcHeader h = header(written, (float) stats.min(), (float) stats.max(), (float) stats.mean(),
                    (float) stats.rms());
            ByteBuffer bytes = MrcHeaderBytes.encode(h);
            while (bytes.hasRemaining()) {
                channel.write(bytes, bytes.position());
            }
            if (spec.durable) {
                channel.force(true);
            }
            channel.close();
            out.commit();
            return h;
        } catch (IOException | RuntimeException e) {
            channel.close();
            out.abort();
            throw e;
        }
    }

    /** Closes the writer; without a successful {@link #commit()}, deletes what was written. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
        out.abort();
        finished = true;
    }

    private MrcHeader header(int nz, float dmin, float dmax, float dmean, float rms) {
        int mz = spec.volume ? nz : 1;
        float px = (float) spec.pixelSizeA;
        return new MrcHeader(width, height, nz, spec.mode.code(), 0, 0, 0, width, height, mz,
                width * px, height * px, mz * px, 1, 2, 3, dmin, dmax, dmean, spec.volume ? 1 : 0,
                spec.extendedHeader.length, spec.exttyp, 20140, spec.originX, spec.originY, spec.originZ,
                spec.labels, spec.order == ByteOrder.BIG_ENDIAN ? 0x11110000 : 0x44440000, rms, spec.order, true, false);
    }

    /** What to write; {@link #open(int, int)} starts writing. Not thread-safe. */
    public static final class Builder {

        private final Path target;
        private MrcMode mode = MrcMode.FLOAT32;
        private double pixelSizeA = 1.0;
        private final List<String> labels = new ArrayList<>();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        private float originX;
        private float originY;
        private float originZ;
        private int frames;
        private boolean volume;
        private boolean atomic = true;
        private boolean durable;
        private byte[] extendedHeader = new byte[0];
        private String exttyp = "";

        private Builder(Path target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Pixel mode; default {@link MrcMode#FLOAT32}. Complex modes cannot be written. */
        public Builder mode(MrcMode mode) {
            if (!mode.isReal()) {
                throw new IllegalArgumentException("MRC mode " + mode.code() + " (" + mode.label()
                        + ") cannot be written from real frames; use mode 2 (float32)");
            }
            this.mode = mode;
            return this;
        }

        /** Pixel size in Å (stored as {@code cella = n * size}); default 1.0; 0 means unknown. */
        public Builder pixelSize(double angstrom) {
            if (!(angstrom >= 0) || Double.isInfinite(angstrom)) {
                throw new IllegalArgumentException("pixel size must be a finite number >= 0 Å, got " + angstrom);
            }
            this.pixelSizeA = angstrom;
            return this;
        }

        /** Adds a text label (ASCII, at most 80 characters, at most 10 labels). */
        public Builder label(String text) {
            if (labels.size() >= MrcHeader.MAX_LABELS) {
                throw new IllegalArgumentException("an MRC header holds at most " + MrcHeader.MAX_LABELS + " labels");
            }
            String s = text.strip();
            labels.add(s.length() > MrcHeader.LABEL_LENGTH ? s.substring(0, MrcHeader.LABEL_LENGTH) : s);
            return this;
        }

        /** Byte order of header and data; default little-endian (what nearly every tool writes). */
        public Builder byteOrder(ByteOrder order) {
            this.order = Objects.requireNonNull(order);
            return this;
        }

        /** Origin in Å (header words 50-52); default 0. */
        public Builder origin(float x, float y, float z) {
            originX = x;
            originY = y;
            originZ = z;
            return this;
        }

        /**
         * Declares how many frames will be written: then the header says so from the start, and
         * {@link MrcWriter#commit()} fails unless exactly that many were written. Required when not atomic.
         */
        public Builder frames(int count) {
            if (count <= 0 || count > MrcHeaderReader.MAX_AXIS) {
                throw new IllegalArgumentException("frame count must be 1.." + MrcHeaderReader.MAX_AXIS + ", got " + count);
            }
            this.frames = count;
            return this;
        }

        /** Writes a volume (space group 1, {@code mz = nz}) instead of an image stack (space group 0, {@code mz = 1}). */
        public Builder volume(boolean volume) {
            this.volume = volume;
            return this;
        }

        /** Temporary file + rename (default true), or grow the target in place (false; needs {@link #frames(int)}). */
        public Builder atomic(boolean atomic) {
            this.atomic = atomic;
            return this;
        }

        /** Forces the data to disk before the rename (default false: the page cache decides). */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** An extended header of {@code bytes} after the main header, of type {@code exttyp} (e.g. {@code SERI}). */
        public Builder extendedHeader(byte[] bytes, String exttyp) {
            if (exttyp == null || exttyp.isEmpty() || exttyp.length() > 4) {
                throw new IllegalArgumentException("exttyp must be 1-4 ASCII characters (e.g. SERI, FEI1), got " + exttyp);
            }
            this.extendedHeader = bytes.clone();
            this.exttyp = exttyp;
            return this;
        }

        /**
         * Creates the file and writes the header; frames follow with {@link MrcWriter#write(Frame)}.
         *
         * @throws IllegalArgumentException for impossible dimensions
         * @throws IllegalStateException when not atomic and no frame count was declared
         * @throws IOException if the file cannot be created
         */
        public MrcWriter open(int width, int height) throws IOException {
            if (width <= 0 || height <= 0 || width > MrcHeaderReader.MAX_AXIS || height > MrcHeaderReader.MAX_AXIS
                    || (long) width * height > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("impossible frame size " + width + "x" + height + " for " + target);
            }
            if (!atomic && frames == 0) {
                throw new IllegalStateException("writing " + target + " in place needs the frame count up front"
                        + " (frames(n)), so that its header is right while it grows");
            }
            return new MrcWriter(this, width, height);
        }
    }
}
