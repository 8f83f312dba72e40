package org.scipionj.repository.internal;

/** A refused plugin operation; the message says what, where and what to do. Nothing was changed. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
