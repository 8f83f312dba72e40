package org.scipionj.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution run as processes, as a user runs it: {@code scipion server --port 0} in the
 * background (its URL read from {@code runtime/server.json}, its CPU time from {@code /proc/PID/stat}), and
 * one-shot commands. Every process inherits this JVM's niceness. Not thread-safe.
 */
final class ScipionServerProcess implements AutoCloseable {

    private final Path dist;
    private final Path userData;
    private Process server;
    private String url;

    ScipionServerProcess(Path dist, Path userData) {
        this.dist = dist;
        this.userData = userData;
    }

    /** Runs {@code scipion ARGS...} to its end; fails with its output when it exits with an error. */
    String command(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(userData, "command", ".log");
        Process p = builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("scipion " + String.join(" ", args) + " did not end in 30 minutes");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("scipion " + String.join(" ", args) + " exited with " + p.exitValue()
                    + ":\n" + out);
        }
        return out;
    }

    /** Starts {@code scipion server --port 0} and waits until it has written its URL (at most 5 minutes). */
    void startServer() throws IOException, InterruptedException {
        Path info = userData.resolve("runtime/server.json");
        Files.deleteIfExists(info);
        server = builder("server", "--port", "0").redirectErrorStream(true)
                .redirectOutput(userData.resolve("server-console.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (url == null) {
            if (Files.exists(info)) {
                try {
                    var json = new ObjectMapper().readTree(info.toFile());
                    if (json.path("pid").asLong() == server.pid()) {
                        url = json.path("url").asText();
                        break;
                    }
                } catch (IOException e) {
                    // NB: read while being written; read again
                }
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start; see " + userData.resolve("server-console.log"));
            }
            Thread.sleep(200);
        }
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT/}. */
    String url() {
        return url;
    }

    /** User plus system CPU seconds the server process has used so far (Linux {@code /proc}). */
    double serverCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(server.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // NB: fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name; in clock ticks
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks();
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    private ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString()),
                "-Djava.awt.headless=true", "-cp", dist.resolve("lib/launcher.jar").toString(),
                "org.scipionj.launcher.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dist.toFile());
        b.environment().put("SCIPION_USER_DATA", userData.toString());
        b.redirectInput(new File("/dev/null"));
        return b;
    }

    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            try {
                command("server", "--stop");
            } catch (IllegalStateException e) {
                server.destroy();
            }
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
