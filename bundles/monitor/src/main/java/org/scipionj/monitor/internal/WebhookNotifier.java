package org.scipionj.monitor.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts each alert as JSON to a URL: {@code {"project", "key", "message", "opened"}}, or, Slack-compatible,
 * {@code {"text": "..."}} as incoming webhooks (Slack, Mattermost, Rocket.Chat) expect. Thread-safe.
 */
final class WebhookNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final boolean slack;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebhookNotifier(URI url, boolean slack) {
        this.url = url;
        this.slack = slack;
    }

    @Override
    public String name() {
        return "webhook " + url;
    }

    @Override
    public void send(String project, Alert alert) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (slack) {
            body.put("text", ":warning: *" + project + "*: " + alert.message());
        } else {
            body.put("project", project);
            body.put("key", alert.key());
            body.put("message", alert.message());
            body.put("opened", Instant.ofEpochMilli(alert.openedMillis()).toString());
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("webhook " + url + " answered HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to " + url);
        }
    }
}
