package org.scipionj.importer.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A movie file that cannot be imported as it is: too short, not a recognised format, or its
 * header contradicts its size. The message names the file, what is wrong and what to do.
 * {@link #reason()} lets the caller tell a file that may still be growing ({@link #mayBeIncomplete()})
 * from one that is broken for good. Immutable, so thread-safe.
 */
public final class InvalidMovieException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** Shorter than the fixed header. */
        TOO_SHORT,
        /** No format signature and implausible header values. */
        NOT_A_MOVIE,
        /** The header names a pixel mode this reader does not know. */
        UNKNOWN_MODE,
        /** Dimensions are zero, negative or absurdly large. */
        BAD_DIMENSIONS,
        /** Some other header field is inconsistent (e.g. a negative extended-header size). */
        BAD_HEADER,
        /** The file holds fewer bytes than its header promises. */
        TRUNCATED,
        /** The file extension is not a supported movie format. */
        UNSUPPORTED_FORMAT
    }

    private final transient Path file;
    private final Reason reason;

    public InvalidMovieException(Path file, Reason reason, String message) {
        super(message);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The offending file (may be null only if the exception was deserialised). */
    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the file may simply not be fully written yet, so retrying later can succeed. */
    public boolean mayBeIncomplete() {
        return reason == Reason.TOO_SHORT || reason == Reason.TRUNCATED;
    }
}
