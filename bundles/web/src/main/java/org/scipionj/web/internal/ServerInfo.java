package org.scipionj.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.scipionj.api.project.ProjectService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * While HTTP serves (only in {@code scipion server}): generates the admin token, writes
 * {@code USER_DATA/runtime/server.json} ({@code pid}, {@code url}, {@code started}) from the endpoint the HTTP
 * runtime reports (the bound port, also with {@code --port 0}) and prints the URL. Removes server.json when
 * HTTP stops.
 */
@Component(immediate = true)
public final class ServerInfo {

    static final String SERVER_JSON = "server.json";
    private final Path runtimeDir;
    private final boolean serving;
    private final Instant started = Instant.now();
    private volatile String url;

    @Activate
    public ServerInfo(BundleContext context, @Reference ProjectService projects,
            @Reference(service = HttpServiceRuntime.class) Map<String, Object> runtime) {
        this.runtimeDir = runtimeDir(projects);
        this.serving = !"false".equals(context.getProperty("org.apache.felix.http.enable"));
        if (serving) {
            Path token = new AdminToken(runtimeDir).file();
            new AdminToken(runtimeDir).generate();
            publish(runtime);
            System.out.println("Web: " + url + " (admin token in " + token + ")");
        }
    }

    /** {@code USER_DATA/runtime}. */
    static Path runtimeDir(ProjectService projects) {
        return projects.projectsDir().toAbsolutePath().getParent().resolve("runtime");
    }

    /** The first endpoint, e.g. {@code http://127.0.0.1:8180/}. */
    static String endpoint(Map<String, Object> runtime) {
        Object e = runtime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        if (e instanceof String[] a && a.length > 0) {
            e = a[0];
        } else if (e instanceof Collection<?> c && !c.isEmpty()) {
            e = c.iterator().next();
        }
        String s = e == null ? "" : e.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    private void publish(Map<String, Object> runtime) {
        url = endpoint(runtime);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", ProcessHandle.current().pid());
        info.put("url", url);
        info.put("started", started.toString());
        try {
            Files.createDirectories(runtimeDir);
            Path tmp = runtimeDir.resolve(SERVER_JSON + ".tmp");
            Files.write(tmp, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
            Files.move(tmp, runtimeDir.resolve(SERVER_JSON), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("scipion web: cannot write " + runtimeDir.resolve(SERVER_JSON) + ": " + e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (!serving) {
            return;
        }
        try {
            Path json = runtimeDir.resolve(SERVER_JSON);
            if (Files.isRegularFile(json) && Files.readString(json, StandardCharsets.UTF_8)
                    .contains("\"pid\" : " + ProcessHandle.current().pid() + ",")) {
                Files.delete(json);
            }
        } catch (IOException e) {
            // NB: best effort; a stale file names a pid that no longer runs
        }
    }
}
