package org.scipionj.shell.internal;

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
import java.util.TreeMap;

import org.scipionj.api.project.ScipionException;

/**
 * Starts another {@code scipion} command in its own process, detached from the terminal (its own session via
 * {@code setsid}, so that Ctrl-C in this one does not reach it), stdin from {@code /dev/null} and its output
 * appended to a log: the same JVM binary, the launcher of the distribution in {@code HOME/lib}, every
 * {@code -Dscipion.*} option of this JVM and the same user data folder. Stateless, so thread-safe.
 */
final class LauncherProcess {

    static final String MAIN = "org.scipionj.launcher.Main";
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    /** The launcher's one-shot signal to itself (see ScipionCli#BACKGROUND_PROJECT): never inherited. */
    private static final List<String> NOT_INHERITED = List.of(ScipionCli.BACKGROUND_PROJECT);

    private final Path home;
    private final Path userData;

    /**
     * @param home     the distribution ({@code scipion.home}), or null to reuse this JVM's class path
     * @param userData the user data folder the child works in
     */
    LauncherProcess(Path home, Path userData) {
        this.home = home;
        this.userData = userData;
    }

    /** The command line: [setsid] java -cp LAUNCHER -Dscipion.*=... org.scipionj.launcher.Main ARGS. */
    List<String> command(List<String> args, boolean setsid) {
        List<String> command = new ArrayList<>();
        if (setsid) {
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-cp");
        command.add(classPath());
        Map<String, String> props = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith("scipion.") && !NOT_INHERITED.contains(n))
                .forEach(n -> props.put(n, System.getProperty(n)));
        props.put("scipion.user.data", userData.toString());
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /** Starts {@code scipion ARGS} and returns without waiting; its output is appended to {@code log}. */
    Process start(Path log, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(Arrays.asList(args), Files.isExecutable(SETSID)))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(Redirect.from(devNull));
        }
        builder.environment().put("SCIPION_USER_DATA", userData.toString());
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new ScipionException("cannot start 'scipion " + String.join(" ", args) + "': " + e.getMessage()
                    + "; check that " + classPath() + " exists and that java can run");
        }
    }

    private String classPath() {
        if (home != null && Files.isRegularFile(home.resolve("lib").resolve("launcher.jar"))) {
            return home.resolve("lib").resolve("launcher.jar").toAbsolutePath().toString();
        }
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Paths.get(e).toAbsolutePath().normalize().toString())
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow(() -> new ScipionException("cannot tell where the scipion launcher is: "
                        + "scipion.home is not set and the class path is empty"));
    }
}
