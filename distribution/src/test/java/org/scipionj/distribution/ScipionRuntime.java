package org.scipionj.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Boots the runtime of the assembled distribution in Pax Exam: the jars of {@code target/scipion/bundle}, as
 * the launcher would, plus the plugins of the bundled repository ({@code target/scipion/repository}) as if they
 * were installed ({@link #coreOptions} leaves them out, for tests that install them). One line in a test class:
 *
 * <pre>{@code
 * @RunWith(PaxExam.class)
 * @ExamReactorStrategy(PerClass.class)
 * public class MyIT {
 *     @Inject BundleContext context;
 *
 *     @Configuration
 *     public Option[] config() {
 *         return ScipionRuntime.options(); // or options(userDataDir, extraOptions...)
 *     }
 * }
 * }</pre>
 *
 * Inside the test, {@code context.getProperty("scipion.user.data")} is the user data folder the runtime
 * uses (a fresh temporary folder unless one is given), as bundles see it in the launcher.
 */
public final class ScipionRuntime {

    /** System property (set by failsafe) naming the assembled distribution, {@code target/scipion}. */
    public static final String DIST_PROPERTY = "scipion.dist";
    public static final String USER_DATA = "scipion.user.data";

    private ScipionRuntime() {
    }

    /** The assembled distribution folder (with lib/ and bundle/). */
    public static Path distribution() {
        Path dist = Paths.get(System.getProperty(DIST_PROPERTY, "target/scipion")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no assembled distribution at " + dist
                    + " (run through 'mvn verify', which assembles it before the integration tests)");
        }
        return dist;
    }

    /** The bundle jars of the distribution, sorted by file name. */
    public static List<Path> bundleJars() {
        try (Stream<Path> files = Files.list(distribution().resolve("bundle"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plugin bundles of the distribution's repository (what {@code installp} installs), sorted. */
    public static List<Path> repositoryJars() {
        try (Stream<Path> files = Files.list(distribution().resolve("repository"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty user data folder (projects live in it), deleted when the test JVM exits. */
    public static Path freshUserData() {
        try {
            Path dir = Files.createTempDirectory("scipion-it-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // NB: best effort; it is a temporary folder
        }
    }

    /** The distribution's runtime with a fresh user data folder, plus {@code extra} options. */
    public static Option[] options(Option... extra) {
        return options(freshUserData(), extra);
    }

    /**
     * The distribution's runtime with the given user data folder, the bundled repository's plugins provisioned,
     * plus {@code extra} options.
     */
    public static Option[] options(Path userData, Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(coreOptions(userData, extra)));
        for (Path jar : repositoryJars()) {
            options.add(bundle(jar.toUri().toString()));
        }
        return options.toArray(new Option[0]);
    }

    /** The distribution's runtime ({@code bundle/} only, no plugins installed), plus {@code extra} options. */
    public static Option[] coreOptions(Path userData, Option... extra) {
        Path dist = distribution();
        List<Option> options = new ArrayList<>();
        for (Path jar : bundleJars()) {
            UrlProvisionOption option = bundle(jar.toUri().toString());
            options.add(isFragment(jar) ? option.noStart() : option);
        }
        options.add(junitBundles());
        options.add(cleanCaches(true));
        options.add(systemProperty("scipion.home").value(dist.toString()));
        options.add(userData(userData));
        options.add(systemProperty("java.awt.headless").value("true"));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        // NB: as in the launcher for every command but 'shell': Gogo must not read stdin or stop the framework.
        options.add(frameworkProperty("gosh.args").value("--nointeractive --noshutdown"));
        // NB: HTTP on loopback, any free port: the whiteboard is exercised, tests never clash on a port
        options.add(frameworkProperty("org.osgi.service.http.port").value("0"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** Sets {@code scipion.user.data} (seen by bundles through {@code BundleContext.getProperty}). */
    public static Option userData(Path dir) {
        return systemProperty(USER_DATA).value(dir.toAbsolutePath().toString());
    }

    /** The main attributes of a jar's manifest (empty when it has none). */
    public static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? new Attributes() : file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFragment(Path jar) {
        return manifest(jar).getValue("Fragment-Host") != null;
    }

    /** {@code Bundle-SymbolicName} without its directives, or null. */
    static String symbolicName(Path jar) {
        String value = manifest(jar).getValue("Bundle-SymbolicName");
        return value == null ? null : value.split(";")[0].trim();
    }
}
