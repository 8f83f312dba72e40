package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * schedule-project without --foreground: a background server processes the project while the command returns;
 * stopping the server detaches the run (it stays running) and the next server resumes it.
 */
class ServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path userData;

    @Test
    void backgroundServerProcessesScheduledProjectsAndResumesThem() throws Exception {
        Path data = Files.createDirectories(userData.resolve("microscope"));
        Path workflow = userData.resolve("workflow.json");
        Files.writeString(workflow, TestMovies.workflow(data, "*.mrc", 1, 600));
        assertEquals(0, ScipionProcess.run(userData, TIMEOUT, "create-project", "name=bg", "workflow=" + workflow).exitCode());
        try {
            ScipionProcess.Result scheduled = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=bg");
            assertEquals(0, scheduled.exitCode(), scheduled::toString);
            assertTrue(scheduled.stdout().contains("Server started in the background"), scheduled::toString);
            TestMovies.write(data.resolve("a.mrc"), 32, 2, 0);
            awaitDone(1);
            ScipionProcess.Result stop = ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
            assertEquals(0, stop.exitCode(), stop::toString);
            Map<?, ?> run = run();
            assertEquals("running", run.get("status"), "detached, not aborted");
            TestMovies.write(data.resolve("b.mrc"), 32, 2, 0);
            assertTrue(ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=bg").stdout()
                    .contains("Server started"));
            awaitDone(2);
        } finally {
            ScipionProcess.run(userData, TIMEOUT, "server", "--stop");
        }
        assertTrue(Files.readString(userData.resolve("logs/server.log")).contains("bg: processing"));
    }

    private void awaitDone(long n) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (((Number) run().get("done")).longValue() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "the server never imported " + n + " movies");
            Thread.sleep(500); // NB: another process: nothing to wait on but the database
        }
    }

    private Map<?, ?> run() throws Exception {
        ScipionProcess.Result status = ScipionProcess.run(userData, TIMEOUT, "status", "name=bg", "--json");
        return (Map<?, ?>) ((List<?>) new ObjectMapper().readValue(status.stdout(), Map.class).get("runs")).get(0);
    }
}
