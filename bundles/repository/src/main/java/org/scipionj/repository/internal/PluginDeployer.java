package org.scipionj.repository.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Keeps the framework in step with the installed-plugins folder: a jar that appears is installed and started,
 * one that disappears is uninstalled (its protocols leave the registry), without a restart. The launcher installs
 * the folder's jars at boot; this component watches the folder (every second) so that an {@code installp} run by
 * another process (the command line, while the server runs) takes effect live. Thread-safe.
 */
@Component(service = PluginDeployer.class, immediate = true)
public final class PluginDeployer {

    static final long POLL_MS = 1000;
    private final BundleContext context;
    private final PluginFolder folder;
    private final ScheduledExecutorService poller;
    private String lastListing = "";

    @Activate
    public PluginDeployer(BundleContext context) {
        this(context, PluginFolder.of(userData(context)));
    }

    PluginDeployer(BundleContext context, PluginFolder folder) {
        this.context = context;
        this.folder = folder;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scipion-plugin-deployer");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** {@code scipion.user.data}, else {@code ~/ScipionUserData} (as the launcher). */
    static Path userData(BundleContext context) {
        String value = context.getProperty("scipion.user.data");
        return (value == null || value.isBlank() ? Paths.get(System.getProperty("user.home"), "ScipionUserData")
                : Paths.get(value)).toAbsolutePath().normalize();
    }

    public PluginFolder folder() {
        return folder;
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    private void poll() {
        try {
            String listing = listing();
            if (listing.equals(lastListing)) {
                return;
            }
            folder.tryLock().ifPresent(lock -> {
                try (lock) {
                    reconcile().forEach(p -> System.err.println("scipion: plugin " + p));
                }
            });
        } catch (RuntimeException e) {
            System.err.println("scipion: the plugin deployer failed: " + e);
        }
    }

    private String listing() {
        StringBuilder out = new StringBuilder();
        for (Path jar : folder.jars()) {
            out.append(jar.getFileName()).append(':').append(jar.toFile().length()).append(':')
                    .append(jar.toFile().lastModified()).append('\n');
        }
        return out.toString();
    }

    /** The location the launcher gives a jar of the folder (so both agree on what is installed). */
    static String location(Path jar) {
        return jar.toUri().toString();
    }

    /**
     * Installs and starts the folder's jars that are not installed, uninstalls the installed bundles whose jar
     * is gone. The caller holds the folder's lock (or knows nobody writes it).
     *
     * @return one line per bundle that failed to install or start
     */
    synchronized List<String> reconcile() {
        String listing = listing();
        Map<String, Path> wanted = new LinkedHashMap<>();
        for (Path jar : folder.jars()) {
            wanted.put(location(jar), jar);
        }
        String prefix = prefix();
        List<Bundle> removed = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (location.startsWith(prefix) && wanted.remove(location) == null) {
                try {
                    b.uninstall();
                    removed.add(b);
                } catch (BundleException | IllegalStateException e) {
                    // NB: already uninstalled
                }
            }
        }
        if (!removed.isEmpty()) {
            Refresh.await(context.getBundle(0).adapt(FrameworkWiring.class), removed);
        }
        List<String> problems = new ArrayList<>();
        List<Bundle> added = new ArrayList<>();
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            if (!Files.exists(e.getValue())) {
                continue;
            }
            try {
                added.add(context.installBundle(e.getKey()));
            } catch (BundleException | RuntimeException ex) {
                problems.add(e.getValue().getFileName() + " cannot be installed: " + ex.getMessage());
            }
        }
        for (Bundle b : added) {
            if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException ex) {
                problems.add(b.getSymbolicName() + " " + b.getVersion() + " failed to start: " + ex.getMessage());
            }
        }
        lastListing = listing;
        return problems;
    }

    private String prefix() {
        String prefix = folder.dir().toUri().toString();
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The bundles installed from the folder now. */
    List<Bundle> deployed() {
        String prefix = prefix();
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(prefix)) {
                out.add(b);
            }
        }
        return out;
    }
}
