package org.scipionj.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The single-node SLURM of this machine for the SLURM executor's integration tests: starts it with the
 * repository's {@code .ci/slurm-up} (munge, slurmctld, slurmd; installed when missing) and fails, with the
 * script's reason, when it cannot; runs SLURM commands; reads a project's database. Thread-safe.
 */
final class SlurmCluster {

    private SlurmCluster() {
    }

    /** Starts SLURM unless it runs; throws with the set-up script's output when it cannot. */
    static void up() throws IOException, InterruptedException {
        // NB: the tests run in the distribution module's folder
        Path script = Path.of("..", ".ci", "slurm-up").toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("SLURM cannot be started: " + script + " is missing");
        }
        String[] out = command(Duration.ofMinutes(5), script.toString());
        if (!out[0].equals("0")) {
            throw new AssertionError("SLURM cannot be started on this machine (" + script + " exit code " + out[0]
                    + "): " + out[1]);
        }
    }

    /** Runs a command; returns {exit code, stdout + stderr}. */
    static String[] command(Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
        }
        return new String[] {Integer.toString(p.exitValue()), new String(bytes, StandardCharsets.UTF_8)};
    }

    /** The SLURM state of a job as squeue or scontrol report it ("RUNNING", "CANCELLED", ...). */
    static String jobState(String jobId) throws IOException, InterruptedException {
        String[] out = command(Duration.ofSeconds(30), "scontrol", "show", "job", "-o", jobId);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("JobState=(\\S+)").matcher(out[1]);
        return m.find() ? m.group(1) : "UNKNOWN (" + out[1].strip() + ")";
    }

    /** Waits until {@code condition} gives a non-null value. */
    static <T> T await(Duration timeout, String what, Supplier<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** Rows of a query on a project's database, each column by name. */
    static List<Map<String, Object>> query(Path projectDir, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + projectDir.resolve("project.sqlite"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            if (e.getMessage() != null && (e.getMessage().contains("no such table") || e.getMessage().contains("locked"))) {
                return List.of();
            }
            throw new IllegalStateException(e);
        }
    }
}
