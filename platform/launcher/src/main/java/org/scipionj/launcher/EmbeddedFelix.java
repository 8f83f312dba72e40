package org.scipionj.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded OSGi framework: starts it, installs and starts the bundles of a folder, finds the CLI
 * service, and stops it again, deleting its cache folder.
 * <p>
 * {@link #close()} is idempotent and may be called from a shutdown hook while another thread uses the
 * framework.
 */
final class EmbeddedFelix implements AutoCloseable {

    /** The filter of the command line service registered by the shell bundle. */
    static final String CLI_FILTER = "(&(" + Constants.OBJECTCLASS + "=" + Function.class.getName()
            + ")(scipion.cli=true))";
    private static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final Framework framework;
    private final Path storage;
    private ServiceTracker<Object, Object> cliTracker;
    private boolean closed;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /** Creates and initializes (but does not start) a framework whose cache is {@code storage}. */
    static EmbeddedFelix init(Map<String, String> properties, Path storage) throws LaunchException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path "
                        + "(lib/org.apache.felix.framework-*.jar must sit next to the launcher jar)"));
        Framework framework = factory.newFramework(properties);
        try {
            framework.init();
        } catch (BundleException e) {
            throw new LaunchException("the OSGi framework did not initialize: " + e.getMessage(), e);
        }
        return new EmbeddedFelix(framework, storage);
    }

    /**
     * Installs every bundle jar of {@code bundleDir} (sorted by file name; jars without
     * {@code Bundle-SymbolicName} are skipped), starts the framework, then starts every bundle that is not
     * a fragment, the Gogo shell last.
     *
     * @return one line per bundle that failed to install or start: its name and the reason
     */
    List<String> installAndStart(Path bundleDir) throws LaunchException {
        return installAndStart(bundleDir, null, new ArrayList<>());
    }

    /**
     * As {@link #installAndStart(Path)}, with the jars of {@code pluginDir} (when it exists) installed after
     * those of {@code bundleDir}; their problems are added to {@code pluginProblems} instead of the result.
     */
    List<String> installAndStart(Path bundleDir, Path pluginDir, List<String> pluginProblems) throws LaunchException {
        List<String> problems = new ArrayList<>();
        List<Bundle> installed = new ArrayList<>();
        List<Bundle> plugins = new ArrayList<>();
        if (pluginDir != null && Files.isDirectory(pluginDir)) {
            for (Path jar : jars(pluginDir)) {
                try {
                    plugins.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
                } catch (BundleException e) {
                    pluginProblems.add(jar.getFileName() + ": cannot be installed: " + reason(e));
                }
            }
        }
        for (Path jar : jars(bundleDir)) {
            if (!isBundle(jar)) {
                System.err.println("scipion: skipping " + jar + ": not an OSGi bundle (no Bundle-SymbolicName)");
                continue;
            }
            try {
                installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                problems.add(jar.getFileName() + ": cannot be installed: " + reason(e));
            }
        }
        try {
            framework.start();
        } catch (BundleException e) {
            throw new LaunchException("the OSGi framework did not start: " + reason(e), e);
        }
        installed.sort(Comparator.comparingInt(EmbeddedFelix::startOrder));
        installed.addAll(plugins); // NB: after the platform, whose services they use
        for (Bundle bundle : installed) {
            if (isFragment(bundle)) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                (plugins.contains(bundle) ? pluginProblems : problems).add(name(bundle) + ": failed to start: "
                        + reason(e));
            }
        }
        return problems;
    }

    /**
     * SPI Fly (the service loader mediator) first so that slf4j finds its provider before anyone logs; Gogo's
     * shell last.
     */
    private static int startOrder(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if (name != null && name.startsWith("org.apache.aries.spifly")) {
            return 0;
        }
        if ("slf4j.simple".equals(name)) {
            return 1;
        }
        return GOGO_SHELL.equals(name) ? 3 : 2;
    }

    /**
     * Waits up to {@code timeout} for the CLI service ({@value #CLI_FILTER}). The service stays in use
     * (so a delayed DS component stays active) until {@link #close()}.
     */
    @SuppressWarnings("unchecked")
    Optional<Function<Object, Object>> awaitCli(Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            if (cliTracker == null) {
                try {
                    Filter filter = FrameworkUtil.createFilter(CLI_FILTER);
                    cliTracker = new ServiceTracker<>(framework.getBundleContext(), filter, null);
                } catch (InvalidSyntaxException e) {
                    throw new IllegalStateException(e);
                }
                cliTracker.open(true);
            }
            tracker = cliTracker;
        }
        // NB: outside the lock, so that close() (e.g. from the shutdown hook) is not held up by the wait.
        return Optional.ofNullable((Function<Object, Object>) tracker.waitForService(timeout.toMillis()));
    }

    /** One line per bundle that is not ACTIVE (fragments: not RESOLVED), e.g. {@code org.x 1.0 (INSTALLED)}. */
    List<String> inactiveBundles() {
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            int expected = isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getBundleId() != 0 && bundle.getState() != expected) {
                lines.add(name(bundle) + " (" + state(bundle.getState()) + ")");
            }
        }
        return lines;
    }

    /** Blocks until the framework has stopped (for instance because the Gogo shell was left). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework (bundles deactivate), waits up to 30 s, and deletes the cache folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (cliTracker != null) {
                cliTracker.close();
            }
            framework.stop();
            framework.waitForStop(Duration.ofSeconds(30).toMillis());
        } catch (BundleException e) {
            System.err.println("scipion: the OSGi framework did not stop cleanly: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteRecursively(storage);
        }
    }

    private static List<Path> jars(Path dir) throws LaunchException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    static String name(Bundle bundle) {
        String name = bundle.getSymbolicName() != null ? bundle.getSymbolicName() : bundle.getLocation();
        return name + " " + bundle.getVersion();
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return message;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("scipion: could not delete the framework cache " + dir + ": " + e.getMessage());
        }
    }
}
