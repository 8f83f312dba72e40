package org.scipionj.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The framework properties the runtime is started with, and where user data lives.
 * <p>
 * Bundles read {@code scipion.home}, {@code scipion.user.data} and any {@code -Dscipion.*} system
 * property with {@code BundleContext.getProperty}. Pure functions of their arguments.
 */
final class LaunchProperties {

    static final String USER_DATA = "scipion.user.data";
    static final String USER_DATA_ENV = "SCIPION_USER_DATA";
    static final String PREFIX = "scipion.";
    /** Keeps Gogo off stdin and stops it from shutting the framework down when it has nothing to read. */
    static final String GOSH_BATCH_ARGS = "--nointeractive --noshutdown";

    private LaunchProperties() {
    }

    /** {@code -Dscipion.user.data}, else {@code $SCIPION_USER_DATA}, else {@code ~/ScipionUserData}. */
    static Path userData(Map<String, String> env, Properties system) {
        String value = system.getProperty(USER_DATA);
        if (value == null || value.isBlank()) {
            value = env.get(USER_DATA_ENV);
        }
        if (value == null || value.isBlank()) {
            return Paths.get(system.getProperty("user.home"), "ScipionUserData").toAbsolutePath().normalize();
        }
        return Paths.get(value).toAbsolutePath().normalize();
    }

    /** Every {@code scipion.*} system property, sorted by name. */
    static Map<String, String> scipionSystemProperties(Properties system) {
        Map<String, String> result = new TreeMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                result.put(name, system.getProperty(name));
            }
        }
        return result;
    }

    /**
     * @param storage          a fresh folder for the framework cache
     * @param interactiveShell true for {@code shell}: Gogo may then read the console
     */
    static Map<String, String> framework(Path home, Path userData, Path storage, Properties system,
            boolean interactiveShell) {
        Map<String, String> props = new TreeMap<>(scipionSystemProperties(system));
        props.put(Home.PROPERTY, home.toString());
        props.put(USER_DATA, userData.toString());
        props.put("org.osgi.framework.storage", storage.toString());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        if (!interactiveShell) {
            props.put("gosh.args", GOSH_BATCH_ARGS);
        }
        return props;
    }
}
