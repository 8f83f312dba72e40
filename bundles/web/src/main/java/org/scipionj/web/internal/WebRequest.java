package org.scipionj.web.internal;

import java.util.Map;

/**
 * One HTTP request as the web layer sees it, independent of the servlet API (so the same code serves Jetty,
 * tests and the benchmark's JDK server).
 *
 * @param method        GET, POST…
 * @param rawPath       the path as sent, still percent-encoded, from the server root (e.g. {@code /api/projects})
 * @param query         decoded query parameters (first value of each)
 * @param authorization the {@code Authorization} header, or null
 * @param body          the request body (POST), or an empty string
 */
record WebRequest(String method, String rawPath, Map<String, String> query, String authorization, String body) {

    static WebRequest get(String rawPath, Map<String, String> query) {
        return new WebRequest("GET", rawPath, query, null, "");
    }
}
