package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image file that cannot be read as it is: too short, not a recognised format, an unknown pixel
 * mode, impossible dimensions, or fewer data bytes than its header promises. The message names the
 * file, what is wrong and what to do. {@link #reason()} lets a caller tell a file that may still be
 * growing ({@link #mayBeIncomplete()}) from one that is broken for good. Immutable, so thread-safe.
 */
public final class InvalidImageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** Shorter than the fixed header. */
        TOO_SHORT,
        /** No format signature and implausible header values: not an MRC or TIFF file at all. */
        NOT_RECOGNISED,
        /** The header names a pixel mode (or TIFF sample layout) this reader does not know. */
        UNKNOWN_MODE,
        /** Dimensions are zero, negative, absurdly large, or differ between the pages of a TIFF. */
        BAD_DIMENSIONS,
        /** Some other header field is inconsistent (e.g. a negative extended-header size, a broken TIFF directory). */
        BAD_HEADER,
        /** The file holds fewer bytes than its header promises. */
        TRUNCATED,
        /** The file extension is not a supported image format. */
        UNSUPPORTED_FORMAT,
        /** The data are valid but cannot be read as real frames (e.g. complex MRC modes, RGB or JPEG TIFF). */
        UNSUPPORTED_DATA,
        /** The pixel data cannot be decoded (e.g. a corrupt LZW or deflate stream). */
        CORRUPT_DATA
    }

    private final transient Path file;
    private final Reason reason;

    /**
     * @param file the offending file
     * @param reason what is wrong
     * @param message the full message: file, problem and what to do
     */
    public InvalidImageException(Path file, Reason reason, String message) {
        super(message);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** As {@link #InvalidImageException(Path, Reason, String)}, keeping the low-level cause. */
    public InvalidImageException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The offending file (null only if the exception was deserialised). */
    public Path file() {
        return file;
    }

    /** What is wrong with the file. */
    public Reason reason() {
        return reason;
    }

    /** True when the file may simply not be fully written yet, so retrying later can succeed. */
    public boolean mayBeIncomplete() {
        return reason == Reason.TOO_SHORT || reason == Reason.TRUNCATED;
    }
}
