package org.scipionj.distribution;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The assembled distribution run as an external process, as a user would run it:
 * {@code java -cp lib/launcher.jar org.scipionj.launcher.Main ARGS...} with {@code SCIPION_USER_DATA} set.
 * Captures stdout and stderr, can wait for a line of output, be killed with SIGKILL, and waited for.
 *
 * <pre>{@code
 * try (ScipionProcess p = ScipionProcess.start(userData, "runtime", "name=p1")) {
 *     p.awaitOutput("some progress line", Duration.ofSeconds(60));
 *     p.kill();                      // SIGKILL: no shutdown hook runs
 * }
 * ScipionProcess.Result r = ScipionProcess.run(userData, Duration.ofSeconds(60), "status", "--json");
 * }</pre>
 *
 * Thread-safe. {@link #kill()} kills this JVM only, not a background runtime it has spawned.
 */
public final class ScipionProcess implements AutoCloseable {

    /** How a finished process ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    private final Process process;
    private final List<String> command;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread[] pumps;

    private ScipionProcess(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.pumps = new Thread[] {pump(process.getInputStream(), stdout, "stdout"),
                pump(process.getErrorStream(), stderr, "stderr")};
    }

    /** Starts {@code scipion ARGS...} with the given user data folder. */
    public static ScipionProcess start(Path userData, String... args) throws IOException {
        return start(userData, List.of(), args);
    }

    /** Starts {@code scipion ARGS...} with extra JVM options (e.g. {@code -Dscipion.x=y}). */
    public static ScipionProcess start(Path userData, List<String> jvmOptions, String... args) throws IOException {
        Path dist = ScipionRuntime.distribution();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(dist.resolve("lib/launcher.jar").toString());
        command.add("org.scipionj.launcher.Main");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dist.toFile());
        builder.environment().put("SCIPION_USER_DATA", userData.toAbsolutePath().toString());
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(Redirect.from(devNull));
        }
        return new ScipionProcess(builder.start(), command);
    }

    /** Runs {@code scipion ARGS...} to its end (killing it after {@code timeout}). */
    public static Result run(Path userData, Duration timeout, String... args) throws IOException,
            InterruptedException {
        try (ScipionProcess process = start(userData, args)) {
            process.waitFor(timeout);
            return process.result();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL (no shutdown hooks run) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Waits for the process to exit.
     *
     * @return its exit code
     * @throws AssertionError when it is still running after {@code timeout} (it is then killed)
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("still running after " + timeout.toSeconds() + " s, killed: " + command
                    + "\n" + result());
        }
        for (Thread pump : pumps) {
            pump.join();
        }
        return process.exitValue();
    }

    /**
     * Waits until stdout or stderr contains {@code text}.
     *
     * @throws AssertionError when the process ends or {@code timeout} passes first
     */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!(stdout.toString().contains(text) || stderr.toString().contains(text))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                boolean pumpsDone = Arrays.stream(pumps).noneMatch(Thread::isAlive);
                if (left <= 0 || pumpsDone) {
                    throw new AssertionError("'" + text + "' not printed " + (pumpsDone ? "before the process ended"
                            : "within " + timeout.toSeconds() + " s") + ": " + command + "\n" + result());
                }
                wait(Math.min(left, 1000));
            }
        }
    }

    public synchronized String stdout() {
        return stdout.toString();
    }

    public synchronized String stderr() {
        return stderr.toString();
    }

    /** The output so far, and the exit code ({@code -1} while running). */
    public synchronized Result result() {
        return new Result(process.isAlive() ? -1 : process.exitValue(), stdout.toString(), stderr.toString());
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private Thread pump(InputStream in, StringBuilder sink, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    synchronized (this) {
                        sink.append(chunk);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // NB: the stream closes when the process is killed; what was read so far is kept.
            } finally {
                synchronized (this) {
                    notifyAll();
                }
            }
        }, "scipion-" + name + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }
}
