package org.scipionj.launcher;

/** A problem that stops the launcher before or while starting the runtime; the message is for the user. */
final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
