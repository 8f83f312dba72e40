package org.scipionj.slurm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the batch system's commands ({@code sbatch}, {@code squeue}, ...) and captures their output. Thread-safe.
 */
class Commands {

    /** How a command ended. */
    record Output(int exitCode, String stdout, String stderr) {
        String both() {
            return (stdout.strip() + " " + stderr.strip()).strip();
        }
    }

    private final Duration timeout;

    Commands(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Runs a command to its end.
     *
     * @throws IOException when it cannot be started (not installed) or does not end within the timeout
     */
    Output run(List<String> command) throws IOException {
        return run(command, null);
    }

    /** Runs a command in a folder ({@code sbatch} takes it as the job's working folder). */
    Output run(List<String> command, java.nio.file.Path dir) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (" + e.getMessage() + "); is the SLURM client "
                    + "installed and on the PATH of the server?", e);
        }
        StringBuilder err = new StringBuilder();
        Thread pump = new Thread(() -> err.append(drain(p.getErrorStream())), "slurm-stderr");
        pump.setDaemon(true);
        pump.start();
        String out = drain(p.getInputStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not answer within " + timeout.toSeconds() + " s");
            }
            pump.join(1000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        return new Output(p.exitValue(), out, err.toString());
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
