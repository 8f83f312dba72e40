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
    /** Felix HTTP: false in every short-lived command, so that only {@code server} binds a port. */
    static final String HTTP_ENABLE = "org.apache.felix.http.enable";
    static final String HTTP_HOST = "org.apache.felix.http.host";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    /** {@code -Dscipion.http.port} / {@code --port}: the web server's port (0: any free port). */
    static final String PORT = "scipion.http.port";
    /** {@code -Dscipion.http.host} / {@code --host}: the address the web server binds to. */
    static final String HOST = "scipion.http.host";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8180;

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
        props.put(HTTP_ENABLE, "false");
        props.put("org.apache.felix.https.enable", "false");
        return props;
    }

    /**
     * The properties of {@code server}: {@link #framework} with HTTP on, bound to {@code host} (default
     * {@value #DEFAULT_HOST}) and {@code port} (default {@value #DEFAULT_PORT}; 0 = any free port), each taken
     * from the command line, else {@code -Dscipion.http.host}/{@code -Dscipion.http.port}.
     *
     * @throws LaunchException when the port is not a number in 0..65535
     */
    static Map<String, String> server(Path home, Path userData, Path storage, Properties system, String host,
            String port) throws LaunchException {
        Map<String, String> props = framework(home, userData, storage, system, false);
        String h = host != null ? host : system.getProperty(HOST, DEFAULT_HOST);
        String p = port != null ? port : system.getProperty(PORT, String.valueOf(DEFAULT_PORT));
        int number;
        try {
            number = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65535 || h.isBlank()) {
            throw new LaunchException("the web server needs a port in 0..65535 and a host (got --port '" + p
                    + "', --host '" + h + "'); e.g. 'scipion server --port 8180 --host 127.0.0.1'");
        }
        props.put(HTTP_ENABLE, "true");
        props.put(HTTP_HOST, h);
        props.put(HTTP_PORT, String.valueOf(number));
        props.put(PORT, String.valueOf(number));
        props.put(HOST, h);
        return props;
    }
}
