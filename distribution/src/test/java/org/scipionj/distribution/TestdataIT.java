package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scipion testdata} in the assembled runtime: registered on the command whiteboard, its movies import. */
class TestdataIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path userData;

    @TempDir
    Path data;

    @Test
    void helpListsTheCommandAndItsOptions() throws Exception {
        ScipionProcess.Result help = ScipionProcess.run(userData, TIMEOUT, "help");
        assertTrue(help.stdout().contains("testdata --generate PRESET --out DIR"), help::toString);
        ScipionProcess.Result options = ScipionProcess.run(userData, TIMEOUT, "testdata", "--help");
        assertEquals(0, options.exitCode(), options::toString);
        assertTrue(options.stdout().contains("--slow-write"), options::toString);
    }

    @Test
    void aBadOptionIsAUserError() throws Exception {
        ScipionProcess.Result r = ScipionProcess.run(userData, TIMEOUT, "testdata", "--generate", "krios", "--out",
                data.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("unknown preset 'krios'; accepted: small, falcon4, k3"), r::toString);
    }

    @Test
    void generatedMoviesAreImported() throws Exception {
        Path movies = data.resolve("session");
        ScipionProcess.Result made = ScipionProcess.run(userData, TIMEOUT, "testdata", "--generate", "small", "--out",
                movies.toString(), "--count", "2", "--size", "128x96", "--frames", "3", "--particles", "2",
                "--particle-diameter", "24", "--slow-write", "--slow-write-seconds", "0.5");
        assertEquals(0, made.exitCode(), made::toString);
        for (String f : new String[] {"movie_0001.mrc", "movie_0002.mrc", "movie_0002.truth.json", "dataset.json",
                "gain.mrc", "defects.txt"}) {
            assertTrue(Files.isRegularFile(movies.resolve(f)), f);
        }
        Path workflow = userData.resolve("workflow.json");
        Files.writeString(workflow, TestMovies.workflow(movies, "movie_*.mrc", 1, 3));
        assertEquals(0, ScipionProcess.run(userData, TIMEOUT, "create-project", "name=td", "workflow=" + workflow)
                .exitCode());
        ScipionProcess.Result run = ScipionProcess.run(userData, TIMEOUT, "schedule-project", "name=td",
                "--foreground");
        assertEquals(0, run.exitCode(), run::toString);
        ScipionProcess.Result items = ScipionProcess.run(userData, TIMEOUT, "items", "name=td", "set=2.outputMovies");
        assertTrue(items.stdout().contains("movie_0001.mrc") && items.stdout().contains("movie_0002.mrc")
                && items.stdout().contains("frames=3"), items::toString);
    }
}
