package org.scipionj.api.project;

/**
 * An error a user can fix: the message says what was wrong, where (file, line, field) and what to do.
 * Command lines print only the message.
 */
public class ScipionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScipionException(String message) {
        super(message);
    }

    public ScipionException(String message, Throwable cause) {
        super(message, cause);
    }
}
