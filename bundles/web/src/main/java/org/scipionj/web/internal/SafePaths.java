package org.scipionj.web.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Path handling that never leaves a root folder: URL segments are decoded one by one (so {@code %2e%2e} and
 * {@code %2f} are seen for what they are), {@code .}/{@code ..} and separators inside a segment are refused,
 * and the file found is checked again after following symbolic links. Stateless and thread-safe.
 */
final class SafePaths {

    private SafePaths() {
    }

    /** Splits a raw (percent-encoded) path into decoded segments; refuses traversal and odd characters. */
    static List<String> segments(String rawPath) {
        List<String> result = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String s;
            try {
                s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw WebException.badRequest("bad percent-encoding in path segment '" + raw + "'");
            }
            if (s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0) {
                throw WebException.badRequest("path segment '" + raw + "' is not allowed: paths may not leave the "
                        + "project folder (no '.', '..', encoded separators)");
            }
            result.add(s);
        }
        return result;
    }

    /**
     * The regular file {@code root/segments...}, after following links, when it lies inside {@code root}.
     *
     * @throws WebException 404 when missing, 400 when it (or a link on the way) leads outside {@code root}
     */
    static Path file(Path root, List<String> segments) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw WebException.notFound("folder " + root.getFileName() + " does not exist");
        }
        Path p = realRoot;
        for (String s : segments) {
            p = p.resolve(s);
        }
        p = p.normalize();
        if (!p.startsWith(realRoot)) {
            throw WebException.badRequest("path leaves the project folder");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw WebException.notFound("no file " + String.join("/", segments));
        }
        if (!real.startsWith(realRoot)) {
            throw WebException.badRequest("'" + String.join("/", segments) + "' links outside the project folder; "
                    + "only files inside the project are served");
        }
        if (!Files.isRegularFile(real)) {
            throw WebException.notFound("'" + String.join("/", segments) + "' is not a file");
        }
        return real;
    }

    /** A content type from the file name (the few kinds a project holds). */
    static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return WebReply.HTML;
        }
        if (n.endsWith(".json")) {
            return WebReply.JSON;
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (n.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (n.endsWith(".log") || n.endsWith(".txt") || n.endsWith(".star") || n.endsWith(".csv")) {
            return WebReply.TEXT;
        }
        return "application/octet-stream";
    }
}
