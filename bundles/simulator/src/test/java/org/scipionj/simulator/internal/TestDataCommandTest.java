package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.io.MovieReader;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.simulator.DatasetSummary;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;

class TestDataCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new TestDataCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String[] tiny(Path target, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--generate", "small", "--out", target.toString(),
                "--size", "96x64", "--frames", "3", "--particles", "2", "--particle-diameter", "20", "--drift", "3"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void writesMoviesTruthGainAndSummary() throws Exception {
        Path td = dir.resolve("td");
        assertEquals(0, run(tiny(td, "--count", "2", "--seed", "7", "--start-time", "2026-03-01T10:00:00Z",
                "--interval", "0.2")), err());
        for (String f : new String[] {"movie_0001.mrc", "movie_0002.mrc", "movie_0001.truth.json",
                "movie_0002.truth.json", "dataset.json", "gain.mrc", "defects.txt"}) {
            assertTrue(Files.isRegularFile(td.resolve(f)), f);
        }
        assertTrue(out().contains("movie_0002.mrc"), out());
        try (MovieReader m = MovieReaders.open(td.resolve("movie_0001.mrc"))) {
            assertEquals(96, m.width());
            assertEquals(64, m.height());
            assertEquals(3, m.frames());
            assertEquals(1.0, m.pixelSizeA(), 1e-6);
            float[] f = m.readFrame(2).data();
            double sum = 0;
            for (float v : f) {
                assertEquals(Math.rint(v), v);
                sum += v;
            }
            assertEquals(2.0, sum / f.length, 0.3, "about 2 counts per pixel per frame");
        }
        try (MovieReader g = MovieReaders.open(td.resolve("gain.mrc"))) {
            assertEquals(1, g.frames());
            assertEquals(96, g.width());
        }
        TruthFiles json = new TruthFiles();
        MovieTruth t2 = json.readMovie(td.resolve("movie_0002.truth.json"));
        assertEquals("movie_0002.mrc", t2.movie());
        assertEquals(2, t2.index());
        assertEquals("2026-03-01T10:00:00.200Z", t2.acquisitionTime());
        assertEquals("gain.mrc", t2.detector().gainReference());
        assertEquals(MovieTruth.SCHEMA, t2.schema());
        MovieTruth planned = new MovieSimulator(CliOptions.parse(tiny(td, "--count", "2", "--seed", "7",
                "--start-time", "2026-03-01T10:00:00Z", "--interval", "0.2")).options())
                .plan(2, "movie_0002.mrc", t2.acquisitionTime(), "gain.mrc", "defects.txt");
        assertEquals(json.toJson(planned), json.toJson(t2), "the JSON file round-trips to the same truth");
        MovieTruth plain = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(td.resolve("movie_0002.truth.json").toFile(), MovieTruth.class);
        assertEquals(json.toJson(t2), json.toJson(plain), "a plain Jackson ObjectMapper reads the truth too");
        assertArrayEquals(t2.motion().local().coefficientsX_px()[2], plain.motion().local().coefficientsX_px()[2]);
        DatasetSummary s = json.readDataset(td.resolve("dataset.json"));
        assertTrue(s.complete());
        assertEquals(List.of("movie_0001.mrc", "movie_0002.mrc"), s.movies());
        assertEquals(Preset.SMALL, s.options().preset());
        assertEquals(7, s.seed());
    }

    @Test
    void slowWriteGivesTheSameBytesAsAtomicWrite() throws Exception {
        assertEquals(0, run(tiny(dir.resolve("a"))), err());
        assertEquals(0, run(tiny(dir.resolve("b"), "--slow-write", "--slow-write-seconds", "0.3")), err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/movie_0001.mrc")),
                Files.readAllBytes(dir.resolve("b/movie_0001.mrc")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/gain.mrc")), Files.readAllBytes(dir.resolve("b/gain.mrc")));
        try (var files = Files.list(dir.resolve("b"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void everyFormatIsReadableBack() throws Exception {
        for (OutputFormat f : OutputFormat.values()) {
            Path td = dir.resolve(f.id());
            assertEquals(0, run(tiny(td, "--format", f.id(), "--gain", "off")), f + ": " + err());
            assertFalse(Files.exists(td.resolve("gain.mrc")), "no gain reference without gain");
            try (MovieReader m = MovieReaders.open(td.resolve("movie_0001" + f.extension()))) {
                assertEquals(3, m.frames(), f.id());
                assertEquals(96, m.width(), f.id());
                double sum = 0;
                for (float v : m.readFrame(0).data()) {
                    sum += v;
                }
                assertEquals(2.0, sum / (96 * 64), 0.3, f.id());
            }
        }
    }

    @Test
    void noiseFreeFloatMoviesHoldExpectedCounts() throws Exception {
        Path td = dir.resolve("nf");
        assertEquals(0, run(tiny(td, "--format", "mrc-float32", "--noise", "off", "--gain", "off")), err());
        try (MovieReader m = MovieReaders.open(td.resolve("movie_0001.mrc"))) {
            float[] f = m.readFrame(0).data();
            boolean fractional = false;
            for (float v : f) {
                fractional |= v != Math.rint(v);
            }
            assertTrue(fractional, "expected counts, not integers");
        }
        assertEquals("none", new TruthFiles().readMovie(td.resolve("movie_0001.truth.json")).detector().noise());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--generate", "--out", "--count", "--interval", "--seed", "--slow-write",
                "--size", "--frames", "--dose", "--pixel-size", "--defocus", "--astigmatism", "--drift",
                "--local-motion", "--particles", "--particle-diameter", "--gain", "--format", "falcon4", "k3"}) {
            assertTrue(out().contains(option), option);
        }
    }

    @Test
    void userErrorsNameTheOptionAndTheAcceptedValues() {
        Path td = dir.resolve("x");
        assertError("unknown option --colour; accepted: ", "--generate", "small", "--out", td.toString(), "--colour",
                "red");
        assertError("unknown preset 'krios'; accepted: small, falcon4, k3", "--generate", "krios", "--out",
                td.toString());
        assertError("--generate PRESET is required; accepted presets: small, falcon4, k3", "--out", td.toString());
        assertError("--out DIR is required", "--generate", "small");
        assertError("unknown format 'png'; accepted: mrc-float32, mrc-int16, mrc-uint8, tiff",
                tiny(td, "--format", "png"));
        assertError("--frames must be an integer, got 'many'", "--generate", "small", "--out", td.toString(),
                "--frames", "many");
        assertError("--frames must be in 1..2000, got 0", "--generate", "small", "--out", td.toString(), "--frames",
                "0");
        assertError("--size must be WIDTHxHEIGHT with each side in 32..16384, got 16x16", "--generate", "k3",
                "--out", td.toString(), "--size", "16");
        assertError("--defocus must be MIN:MAX in µm with 0 <= MIN <= MAX <= 100, got 3.0:1.0",
                tiny(td, "--defocus", "3:1"));
        assertError("--gain must be on or off, got 'maybe'", tiny(td, "--gain", "maybe"));
        assertError("--noise must be on, unless --format is mrc-float32", tiny(td, "--noise", "off"));
        assertError("--count needs a value", "--generate", "small", "--out", td.toString(), "--count");
        assertError("--seed is given twice", tiny(td, "--seed", "1", "--seed", "2"));
        assertError("--generate needs a value", "--generate", "--out", td.toString());
        assertError("unexpected argument 'extra'", "--generate", "small", "--out", td.toString(), "extra");
        assertError("--particle-diameter must be between 4 pixels and half the frame", "--generate", "small",
                "--out", td.toString(), "--size", "256", "--particles", "3", "--particle-diameter", "500");
        assertFalse(Files.exists(td), "nothing written after a user error");
    }

    @Test
    void refusesAFolderThatAlreadyHoldsADataset() {
        Path td = dir.resolve("again");
        assertEquals(0, run(tiny(td)), err());
        assertEquals(1, run(tiny(td)));
        assertTrue(err().contains("already holds a dataset (dataset.json)"), err());
    }

    private void assertError(String message, String... args) {
        assertEquals(1, run(args), "exit code of " + String.join(" ", args));
        assertTrue(err().startsWith("scipion testdata: " + message), "got: " + err());
    }
}
