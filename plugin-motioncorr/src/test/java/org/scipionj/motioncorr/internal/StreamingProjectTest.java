package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.StreamingSet;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.importer.internal.ProtImportMovies;

/**
 * A streaming project with the real engine: movies are written one by one while the import watches the folder;
 * micrographs appear while the import is still running, a movie that cannot be aligned fails alone with its reason,
 * and a stopped project resumes without aligning a movie twice.
 */
class StreamingProjectTest {

    @TempDir
    Path tmp;

    @Test
    void micrographsStreamOutWhileMoviesArriveAndAStoppedProjectResumes() throws Exception {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import test");
        registry.add(new ProtMotionCorr(), "motioncorr test");
        DefaultProjectService projects = new DefaultProjectService(tmp.resolve("user"), registry, 2);
        Path movies = Files.createDirectories(tmp.resolve("movies"));
        String workflow = """
                [{"object.className": "ProtImportMovies", "object.id": "1", "filesPath": "%s", "filesPattern": "*.mrc",
                  "dataStreaming": true, "fileTimeout": 1, "timeout": "1h", "samplingRate": 1.0, "dosePerFrame": 2.0},
                 {"object.className": "ProtMotionCorr", "object.id": "2", "inputMovies": "1.outputMovies",
                  "patchX": 0, "patchY": 0, "numberOfThreads": 1, "GPUIDs": "0", "useMotioncor2": true}]
                """.formatted(movies);
        try (Project p = projects.create("stream", workflow, "test")) {
            p.schedule();
            Session s = p.start();
            movie(movies, 1);
            StreamingSet<?> mics = awaitSet(p, "2.outputMicrographsDoseWeighted");
            assertTrue(awaitSize(mics, 1), "the first micrograph appears");
            assertEquals(RunStatus.RUNNING, p.run(1).orElseThrow().status(), "while the import still runs");
            MrcFiles.write(movies.resolve("movie_002.mrc"), List.of(new SyntheticMovie(128, 1, 2, 9).frame(0,
                    new java.util.Random(1))), MrcMode.FLOAT32, 1.0); // NB: a single frame: nothing to align
            movie(movies, 3);
            assertTrue(awaitSize(mics, 2));
            awaitFailures(p, 2, 1);
            String reason = p.failures(2, 10).get(0).getValue();
            assertTrue(reason.contains("movie_002.mrc") && reason.contains("at least 2 frames"), reason);
            Path first = Path.of(((Micrograph) mics.read(0, 1).get(0).item()).file());
            FileTime written = Files.getLastModifiedTime(first);

            s.stop();
            assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
            p.schedule();
            Session again = p.start();
            movie(movies, 4);
            assertTrue(awaitSize(mics, 3));
            p.requestCloseStream(1);
            assertTrue(again.awaitEnd(Duration.ofSeconds(60)));
            RunInfo mc = p.run(2).orElseThrow();
            assertEquals(RunStatus.FINISHED, mc.status());
            assertEquals(3, mc.done());
            assertEquals(1, mc.failed());
            assertEquals(3, p.set("2.outputMovies").orElseThrow().size());
            assertEquals(written, Files.getLastModifiedTime(first), "movie 1 was not aligned again");
            Map<String, Object> attrs = ((Micrograph) mics.read(2, 1).get(0).item()).attributes();
            assertTrue(Files.isRegularFile(Path.of((String) attrs.get("plotGlobal"))));
        }
    }

    private static void movie(Path dir, int index) throws Exception {
        new SyntheticMovie(128, 6, 2.0, index).write(dir.resolve(String.format("movie_%03d.mrc", index)), index);
    }

    static StreamingSet<?> awaitSet(Project p, String name) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var s = p.set(name);
            if (s.isPresent()) {
                return s.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("set " + name + " never appeared");
    }

    static boolean awaitSize(StreamingSet<?> set, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (set.size() < n) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            set.awaitAfter(set.size(), Duration.ofMillis(200));
        }
        return true;
    }

    static void awaitFailures(Project p, long run, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (p.failures(run, 10).size() < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("run " + run + " never recorded " + n + " failures");
            }
            Thread.sleep(100);
        }
    }
}
