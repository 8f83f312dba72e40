package org.scipionj.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Starts the detached JVM that processes scheduled projects: the same launcher with {@code server}, in its
 * own session (via {@code setsid}) so that it outlives the terminal, its output appended to
 * {@code USER_DATA/logs/server.log}. The server processes every scheduled project of the user data folder.
 */
final class BackgroundRuntime {

    private static final Path SETSID = Paths.get("/usr/bin/setsid");

    private BackgroundRuntime() {
    }

    /** A started runtime process. */
    record Started(long pid, Path log) {
    }

    /** {@code USER_DATA/logs/server.log}. */
    static Path log(Path userData) {
        return userData.resolve("logs").resolve("server.log");
    }

    /**
     * The child's command line: [setsid] java -cp CLASSPATH -Dscipion.*=... org.scipionj.launcher.Main server.
     */
    static List<String> command(String java, String classPath, Properties system, boolean setsid) {
        List<String> command = new ArrayList<>();
        if (setsid) {
            command.add(SETSID.toString());
        }
        command.add(java);
        command.add("-cp");
        command.add(classPath);
        LaunchProperties.scipionSystemProperties(system).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(Main.class.getName());
        command.add(Invocation.SERVER);
        return command;
    }

    /** Spawns the server and returns without waiting for it. */
    static Started spawn(Path userData) throws LaunchException {
        Path log = log(userData);
        String classPath = absolute(System.getProperty("java.class.path"));
        List<String> command = command(javaBinary(), classPath, System.getProperties(), Files.isExecutable(SETSID));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(Redirect.from(devNull));
        }
        Map<String, String> env = builder.environment();
        env.put(LaunchProperties.USER_DATA_ENV, userData.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            return new Started(process.pid(), log);
        } catch (IOException e) {
            throw new LaunchException("cannot start the background server: " + e.getMessage(), e);
        }
    }

    /** The class path with every entry made absolute (the child must not depend on the working directory). */
    static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Paths.get(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The java binary running this JVM. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }
}
