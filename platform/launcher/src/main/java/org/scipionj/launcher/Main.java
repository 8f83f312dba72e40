package org.scipionj.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code scipion} command line: boots the runtime (Felix with {@code HOME/bundle/*.jar}) and hands the
 * arguments to the CLI service that the shell bundle registers; {@code shell} opens the Gogo console instead.
 * <p>
 * Exit codes: the CLI's own code; 1 when the CLI failed with an exception; 3 when the runtime could not be
 * started (no home, a bundle that does not start, no CLI service).
 */
public final class Main {

    static final int CLI_FAILED = 1;
    static final int RUNTIME_FAILED = 3;
    static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Set by the command line service to a project name when the command it ran (schedule-project, template…)
     * scheduled that project and no server runs: the launcher then starts the server in the background, once
     * this process's framework has stopped.
     */
    static final String BACKGROUND_PROJECT = "scipion.background.project";

    /** Quiets SPI Fly's per-provider INFO lines (java.util.logging keeps loggers weakly: held here). */
    private static final java.util.logging.Logger SPIFLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");
    static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    /**
     * The installed-plugins folder of the user data ({@code installp}; the repository bundle keeps it in step
     * with the running framework): its jars are started at boot after those of {@code HOME/bundle}.
     */
    static final String PLUGINS = "plugins";

    private Main() {
    }

    public static void main(String[] argv) {
        int code;
        try {
            code = run(Invocation.parse(argv));
        } catch (LaunchException e) {
            System.err.println("scipion: " + e.getMessage());
            code = RUNTIME_FAILED;
        } catch (InterruptedException e) {
            code = RUNTIME_FAILED;
        }
        System.exit(code);
    }

    static int run(Invocation invocation) throws LaunchException, InterruptedException {
        Path home = Home.locate(System.getProperty(Home.PROPERTY), codeSource());
        Path userData = LaunchProperties.userData(System.getenv(), System.getProperties());
        System.setProperty("java.awt.headless", "true");
        SPIFLY_LOG.setLevel(java.util.logging.Level.WARNING);
        if (System.getProperty(SLF4J_LEVEL) == null) {
            // NB: a command has nothing to say through slf4j (Jetty: "not started"); the server logs warnings
            System.setProperty(SLF4J_LEVEL, invocation.isServing() ? "warn" : "error");
        }
        if (invocation.command().equals(Invocation.SHELL)) {
            Optional<ShellClient> server = ShellClient.connect(userData);
            if (server.isPresent()) {
                return attach(server.get(), invocation);
            }
        }
        Path storage = tempDir();
        Map<String, String> properties = invocation.isServing()
                ? LaunchProperties.server(home, userData, storage, System.getProperties(), invocation.host(),
                        invocation.port())
                : LaunchProperties.framework(home, userData, storage, System.getProperties(), invocation.isShell());

        if (invocation.isServing()) {
            checkPortFree(properties);
        }
        EmbeddedFelix felix = EmbeddedFelix.init(properties, storage);
        Runtime.getRuntime().addShutdownHook(new Thread(felix::close, "scipion-shutdown"));
        try (felix) {
            List<String> pluginProblems = new java.util.ArrayList<>();
            List<String> problems = felix.installAndStart(home.resolve("bundle"), userData.resolve(PLUGINS),
                    pluginProblems);
            problems.forEach(p -> System.err.println("scipion: " + p));
            // NB: a broken plugin must not lock the user out (uninstallp runs in this runtime too)
            pluginProblems.forEach(p -> System.err.println("scipion: installed plugin " + p
                    + " ('scipion installp --list' shows the plugins, 'scipion uninstallp -p NAME' removes one)"));
            if (invocation.isShell()) {
                felix.awaitStop();
                return problems.isEmpty() ? 0 : RUNTIME_FAILED;
            }
            if (!problems.isEmpty()) {
                return RUNTIME_FAILED;
            }
            Optional<Function<Object, Object>> cli = felix.awaitCli(CLI_TIMEOUT);
            if (cli.isEmpty()) {
                System.err.println("scipion: the command line service (" + EmbeddedFelix.CLI_FILTER
                        + ") did not appear within " + CLI_TIMEOUT.toSeconds() + " s. Bundles not active:");
                List<String> inactive = felix.inactiveBundles();
                inactive.forEach(b -> System.err.println("  " + b));
                if (inactive.isEmpty()) {
                    System.err.println("  none; no bundle registers it (is scipionj-shell in " + home.resolve("bundle")
                            + "?)");
                }
                return RUNTIME_FAILED;
            }
            System.clearProperty(BACKGROUND_PROJECT);
            int code = call(cli.get(), invocation);
            felix.close();
            String background = System.getProperty(BACKGROUND_PROJECT);
            if (code == 0 && background != null) {
                return startBackgroundRuntime(background, userData);
            }
            return code;
        }
    }

    /** {@code shell} on the running server: one command ({@code -c}) or an interactive session. */
    private static int attach(ShellClient client, Invocation invocation) {
        try (client) {
            String command = invocation.shellCommand();
            if (command != null) {
                return client.execute(command, System.out);
            }
            return client.interact(new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)), System.out);
        } catch (IOException e) {
            System.err.println("scipion: the server's shell connection failed: " + e.getMessage());
            return CLI_FAILED;
        }
    }

    private static int call(Function<Object, Object> cli, Invocation invocation) {
        try {
            Object result = cli.apply(invocation.args());
            if (result instanceof Number number) {
                return number.intValue();
            }
            System.err.println("scipion: the command line service returned " + result + " instead of an exit code");
            return CLI_FAILED;
        } catch (RuntimeException e) {
            System.err.println("scipion: " + invocation.command() + " failed: " + e);
            e.printStackTrace();
            return CLI_FAILED;
        }
    }

    private static int startBackgroundRuntime(String name, Path userData) throws LaunchException {
        BackgroundRuntime.Started started = BackgroundRuntime.spawn(userData);
        System.out.println("Server started in the background to process " + name + " (pid " + started.pid()
                + ", log: " + started.log() + "; './scipion server --stop' stops it)");
        return 0;
    }

    /**
     * When the web port is taken, says so in one line and turns HTTP off (instead of Jetty's stack traces):
     * the server still processes projects.
     */
    private static void checkPortFree(Map<String, String> properties) {
        String host = properties.get(LaunchProperties.HTTP_HOST);
        int port = Integer.parseInt(properties.get(LaunchProperties.HTTP_PORT));
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (IOException e) {
            System.err.println("scipion: the web server cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "; another server?); processing goes on without the web. Use --port N, or --port 0 for any free port");
            properties.put(LaunchProperties.HTTP_ENABLE, "false");
        }
    }

    private static Path codeSource() throws LaunchException {
        try {
            return Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot tell where the launcher was loaded from; set -D" + Home.PROPERTY
                    + "=HOME", e);
        }
    }

    private static Path tempDir() throws LaunchException {
        try {
            return Files.createTempDirectory("scipion-felix-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework cache in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage(), e);
        }
    }
}
