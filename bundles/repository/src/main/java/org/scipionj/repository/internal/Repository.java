package org.scipionj.repository.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Where plugins come from: a folder or an HTTP(S) URL holding {@code index.json} and the bundle files it names.
 * Thread-safe.
 */
public abstract class Repository {

    static final String INDEX = "index.json";

    /** A folder path, or a URL starting with http:// or https:// (a trailing slash is optional). */
    public static Repository open(String spec) {
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            return new Http(URI.create(spec.endsWith("/") ? spec : spec + "/"));
        }
        if (spec.startsWith("file:")) {
            return new Folder(Path.of(URI.create(spec)));
        }
        return new Folder(Path.of(spec).toAbsolutePath().normalize());
    }

    /** Where it is, for messages and the installed record. */
    public abstract String location();

    public PluginIndex index() {
        try (InputStream in = stream(INDEX)) {
            return PluginIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location() + INDEX);
        } catch (IOException e) {
            throw new PluginException("cannot read the plugin index " + location() + INDEX + ": " + describe(e)
                    + "; give a folder or URL with an index.json (--repo)");
        }
    }

    /** Copies {@code file} (relative to the repository) to {@code target}. */
    public void download(String file, Path target) {
        if (file.contains("..") || file.startsWith("/")) {
            throw new PluginException("the plugin index " + location() + INDEX + " names a file outside the repository: "
                    + file);
        }
        try (InputStream in = stream(file)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PluginException("cannot download " + location() + file + ": " + describe(e));
        }
    }

    protected abstract InputStream stream(String relative) throws IOException;

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static final class Folder extends Repository {
        private final Path dir;

        Folder(Path dir) {
            this.dir = dir;
        }

        @Override
        public String location() {
            return dir + "/";
        }

        @Override
        protected InputStream stream(String relative) throws IOException {
            return Files.newInputStream(dir.resolve(relative));
        }
    }

    private static final class Http extends Repository {
        private static final Duration TIMEOUT = Duration.ofSeconds(60);
        private final URI base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Http(URI base) {
            this.base = base;
        }

        @Override
        public String location() {
            return base.toString();
        }

        @Override
        protected InputStream stream(String relative) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(relative)).timeout(TIMEOUT).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        }
    }
}
