package org.scipionj.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.scipionj.api.project.ScipionException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes sure the background server of a user data folder runs, as {@code schedule-project} does, but before
 * this command returns: starts {@code scipion server [--port N]} (log in {@code logs/server.log}) when none
 * runs, and reads the web address it writes to {@code runtime/server.json}. Thread-safe.
 */
final class ServerStarter {

    /** A running server. */
    record Server(long pid, String webUrl, boolean started) {
    }

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration WEB_TIMEOUT = Duration.ofSeconds(45);
    static final String NO_WEB = "the web server cannot listen";

    private final Path userData;
    private final LauncherProcess launcher;

    ServerStarter(Path userData, LauncherProcess launcher) {
        this.userData = userData;
        this.launcher = launcher;
    }

    static Path log(Path userData) {
        return userData.resolve("logs").resolve("server.log");
    }

    /**
     * The running server, started now when there is none.
     *
     * @param port the web port for a server started now (null: its default)
     */
    synchronized Server ensureRunning(Integer port) throws InterruptedException {
        OptionalLong running = ServerLock.running(userData);
        if (running.isPresent()) {
            return new Server(running.getAsLong(), webUrl(running.getAsLong()), false);
        }
        Path log = log(userData);
        long logStart = size(log);
        Process process = port == null ? launcher.start(log, "server")
                : launcher.start(log, "server", "--port", String.valueOf(port));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (ServerLock.running(userData).isEmpty()) {
            if (!process.isAlive()) {
                throw new ScipionException("the server did not start (exit code " + process.exitValue() + "); "
                        + "its output is in " + log + ": " + tail(log, logStart));
            }
            if (System.nanoTime() > deadline) {
                throw new ScipionException("the server did not take its lock within " + START_TIMEOUT.toSeconds()
                        + " s; see " + log);
            }
            Thread.sleep(100); // NB: another process: nothing to wait on but its lock file
        }
        long pid = ServerLock.running(userData).getAsLong();
        long webDeadline = System.nanoTime() + WEB_TIMEOUT.toNanos();
        String url = webUrl(pid);
        while (url == null && process.isAlive() && System.nanoTime() < webDeadline
                && !tail(log, logStart).contains(NO_WEB)) {
            Thread.sleep(100);
            url = webUrl(pid);
        }
        return new Server(pid, url, true);
    }

    /** The web address the server {@code pid} wrote to {@code runtime/server.json}, or null. */
    String webUrl(long pid) {
        Path json = userData.resolve("runtime").resolve("server.json");
        try {
            Map<?, ?> info = new ObjectMapper().readValue(Files.readString(json, StandardCharsets.UTF_8), Map.class);
            Object p = info.get("pid");
            Object url = info.get("url");
            return p instanceof Number n && n.longValue() == pid && url != null ? url.toString() : null;
        } catch (IOException | RuntimeException e) {
            return null; // NB: not written yet, or being replaced
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the log gained after {@code from} (its last 2000 characters). */
    static String tail(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            String s = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8).strip();
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "";
        }
    }
}
