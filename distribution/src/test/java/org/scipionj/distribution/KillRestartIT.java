package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kills the runtime process with SIGKILL in the middle of a streaming import, restarts it, and checks that
 * every file written is imported exactly once.
 */
class KillRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int FILES = 40;

    @TempDir
    Path userData;

    @Test
    void everyFileIsImportedExactlyOnceAcrossAKill() throws Exception {
        Path data = userData.resolve("microscope");
        Files.createDirectories(data);
        Path workflow = userData.resolve("workflow.json");
        Files.writeString(workflow, TestMovies.workflow(data, "*.mrc", 1, 4));
        ScipionProcess.Result created = ScipionProcess.run(userData, TIMEOUT, "create-project", "name=k",
                "workflow=" + workflow);
        assertEquals(0, created.exitCode(), created::toString);

        Set<String> written = new TreeSet<>();
        try (ScipionProcess first = ScipionProcess.start(userData, "schedule-project", "name=k", "--foreground")) {
            first.awaitOutput("Processing project k", TIMEOUT);
            for (int i = 0; i < FILES / 2; i++) {
                written.add(TestMovies.write(data.resolve(String.format("m%03d.mrc", i)), 32, 2, 0).toString());
                Thread.sleep(100);
            }
            first.awaitOutput("running", TIMEOUT);
            first.kill(); // SIGKILL, mid-stream: files are still arriving and settling
        }
        ScipionProcess.Result afterKill = ScipionProcess.run(userData, TIMEOUT, "status", "name=k", "--json");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) new ObjectMapper().readValue(afterKill.stdout(), Map.class).get("runs")).get(0);
        assertEquals("running", run.get("status"), "killed mid-run: " + afterKill);
        assertEquals(false, new ObjectMapper().readValue(afterKill.stdout(), Map.class).get("processing"));
        long doneBeforeKill = ((Number) run.get("done")).longValue();
        assertTrue(doneBeforeKill > 0 && doneBeforeKill < FILES, "killed mid-stream, not before or after: " + afterKill);
        for (int i = FILES / 2; i < FILES; i++) {
            written.add(TestMovies.write(data.resolve(String.format("m%03d.mrc", i)), 32, 2, 0).toString());
        }
        ScipionProcess.Result resumed = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=k",
                "--foreground");
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.stdout().contains("finished"), resumed::toString);

        ScipionProcess.Result items = ScipionProcess.run(userData, TIMEOUT, "items", "name=k", "set=2.outputMovies",
                "--json");
        assertEquals(0, items.exitCode(), items::toString);
        List<?> movies = new ObjectMapper().readValue(items.stdout(), List.class);
        Map<String, Integer> counts = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Object o : movies) {
            Map<?, ?> m = (Map<?, ?>) o;
            counts.merge((String) m.get("file"), 1, Integer::sum);
            ids.add(((Number) m.get("id")).longValue());
        }
        assertEquals(written, new TreeSet<>(counts.keySet()), "every file imported");
        assertTrue(counts.values().stream().allMatch(n -> n == 1), "no file imported twice: " + counts);
        assertEquals(FILES, new TreeSet<>(ids).size(), "ids are unique");
    }
}
