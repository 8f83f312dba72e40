package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scipion shell} attached to the running server, as a user runs it: plugins installed through the server's
 * shell take effect in the server; a project created on the command line is scheduled, listed and stopped from the
 * shell; an {@code uninstallp} from the command line (another process) removes the protocol from the server live.
 */
class PluginShellIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path userData;

    private ScipionProcess.Result shell(String command) throws Exception {
        return ScipionProcess.run(userData, TIMEOUT, "shell", "-c", command);
    }

    private ScipionProcess.Result awaitShell(String command, Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            ScipionProcess.Result r = shell(command);
            if (until.test(r.stdout())) {
                return r;
            }
            assertTrue(System.nanoTime() < deadline, () -> "'" + command + "' never gave the expected output: " + r);
            Thread.sleep(500); // NB: another process: nothing to wait on but its answers
        }
    }

    @Test
    void theShellRunsInTheServerWherePluginsComeAndGoLive() throws Exception {
        try (ScipionProcess server = ScipionProcess.start(userData, "server", "--port", "0")) {
            server.awaitOutput("processes scheduled projects", TIMEOUT);
            Path socket = userData.resolve("run/shell.sock");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
            ScipionProcess.Result where = shell("echo $SERVER_PID");
            assertEquals(String.valueOf(server.pid()), where.stdout().trim(), where::toString);

            ScipionProcess.Result installed = shell("scipion:installp -p motioncorr");
            assertTrue(installed.stdout().startsWith("Installed motioncorr 1.0.0"), installed::toString);
            assertTrue(shell("scipion:protocols").stdout().contains("motioncorr.align"));
            assertTrue(shell("scipion:plugins").stdout().contains("org.scipionj.motioncorr 1.0.0."));

            Path movies = userData.resolve("movies");
            PluginWorkflows.noisyMrc(movies.resolve("m1.mrc"), 64, 4, 1);
            Path workflow = userData.resolve("workflow.json");
            Files.writeString(workflow, PluginWorkflows.motionCorrWorkflow(movies, 3));
            ScipionProcess.Result created = ScipionProcess.run(userData, TIMEOUT, "create-project", "name=live",
                    "workflow=" + workflow);
            assertEquals(0, created.exitCode(), created::toString);
            assertEquals("live\n", shell("scipion:projects").stdout());
            assertEquals("Project live scheduled\n", shell("scipion:schedule live").stdout());
            ScipionProcess.Result runs = awaitShell("scipion:runs live", out -> out.contains("2\tfinished\tProtMotionCorr"));
            assertTrue(runs.stdout().contains("1\tfinished\tProtImportMovies"), runs::toString);
            assertTrue(shell("scipion:status live").stdout().matches("(?s).*\\n\\s+2\\s+finished\\s+1\\s+0\\s.*"));
            assertEquals("Stop requested for project live\n", shell("scipion:stop live").stdout());
            assertEquals("Stop requested for run 2 of live\n", shell("scipion:stop live 2").stdout());

            ScipionProcess.Result removed = ScipionProcess.run(userData, TIMEOUT, "uninstallp", "-p", "motioncorr");
            assertEquals(0, removed.exitCode(), removed::toString);
            awaitShell("scipion:protocols", out -> out.contains("import.movies") && !out.contains("motioncorr.align"));
            assertTrue(shell("scipion:status live").stdout().contains("finished"), "finished results stay readable");

            ScipionProcess.Result unknown = shell("scipion:nonsense");
            assertEquals(1, unknown.exitCode(), unknown::toString);
            assertTrue(unknown.stdout().contains("Command not found: scipion:nonsense"), unknown::toString);
            ScipionProcess.Result interactive = ScipionProcess.run(userData, TIMEOUT, "shell"); // NB: stdin is empty
            assertEquals(0, interactive.exitCode(), interactive::toString);
            assertTrue(interactive.stdout().startsWith("Connected to the running server's shell"), interactive::toString);

            ScipionProcess.Result stop = ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
            assertEquals(0, stop.exitCode(), stop::toString);
            assertFalse(Files.exists(socket), "the server removes its socket when it stops");
        }
        ScipionProcess.Result local = shell("scipion:projects");
        assertEquals("live\n", local.stdout(), () -> "without a server, a local runtime answers: " + local);
    }
}
