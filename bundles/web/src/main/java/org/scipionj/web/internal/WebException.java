package org.scipionj.web.internal;

/** A request the web layer refuses: the status (400, 401, 404, 409) and what to do, sent as a JSON error. */
final class WebException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebException badRequest(String message) {
        return new WebException(400, message);
    }

    static WebException notFound(String message) {
        return new WebException(404, message);
    }
}
