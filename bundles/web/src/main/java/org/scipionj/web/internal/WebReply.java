package org.scipionj.web.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What to answer: a status, a content type, and either bytes or a file to stream.
 *
 * @param file a file to send instead of {@code body} (already checked to lie inside its project), or null
 */
record WebReply(int status, String contentType, byte[] body, Path file) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static WebReply of(int status, String contentType, String body) {
        return new WebReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    static WebReply file(Path file, String contentType) {
        return new WebReply(200, contentType, null, file);
    }

    String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
