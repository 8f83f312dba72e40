package org.scipionj.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScipionCliTest {

    @TempDir
    Path tmp;
    ScipionCli cli;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "org.scipionj.importer 1.0.0");
        registry.add(new MovieSummer(), "test 1.0");
        cli = new ScipionCli(new DefaultProjectService(tmp.resolve("userdata"), registry, 2), registry, new ExtraCommands());
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.run(CliArgs.parse(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path workflow(String json) throws Exception {
        Path f = tmp.resolve("w" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void realScipionImportLoadsAndUnknownClassesAreNamedTogether() throws Exception {
        Path aarhus = Path.of("../../../shared/anchors/workflows/scipion-session_aarhus_workflow-streaming.json");
        assertTrue(Files.exists(aarhus), "anchor missing: " + aarhus.toAbsolutePath());
        assertEquals(1, run("create-project", "name=aarhus", "workflow=" + aarhus));
        assertTrue(err().contains("ProtMotionCorr (run 56") && err().contains("ProtGctf (run 164")
                && err().contains("ProtMonitorSummary (run 222"), err());
        // its import step alone loads unchanged, every Scipion parameter accepted
        List<?> all = new ObjectMapper().readValue(aarhus.toFile(), List.class);
        Path importOnly = tmp.resolve("import-only.json");
        new ObjectMapper().writeValue(importOnly.toFile(), all.subList(0, 1));
        assertEquals(0, run("create-project", "name=aarhus", "workflow=" + importOnly), err());
        assertEquals(0, run("status", "name=aarhus", "--json"));
        Map<?, ?> status = new ObjectMapper().readValue(out.toString(StandardCharsets.UTF_8), Map.class);
        Map<?, ?> run = (Map<?, ?>) ((List<?>) status.get("runs")).get(0);
        assertEquals("ProtImportMovies", run.get("className"));
        assertEquals("new", run.get("status"));
        assertEquals(2, run.get("id"));
    }

    @Test
    void runOneProtocolOnFilesWithoutAProject() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("files"));
        for (int i = 0; i < 2; i++) {
            new DemoMicroscope(data, 16, 3, 1.0).writeMovie(i, 0);
        }
        Files.writeString(data.resolve("FoilHole_0007_fractions.mrcs"), "truncated");
        Path outDir = tmp.resolve("out");
        assertEquals(0, run("run", "TestSum", "scale=2", "samplingRate=1.5", "--input", data + "/*.mrcs",
                "--out", outDir.toString()), err());
        Map<?, ?> summary = new ObjectMapper().readValue(outDir.resolve("summary.json").toFile(), Map.class);
        assertEquals("finished", summary.get("status"));
        assertEquals(2, summary.get("done"));
        assertEquals(1, ((List<?>) summary.get("importFailures")).size());
        Map<?, ?> one = new ObjectMapper().readValue(outDir.resolve("FoilHole_0000_fractions.json").toFile(), Map.class);
        Map<?, ?> mic = (Map<?, ?>) ((List<?>) ((Map<?, ?>) one.get("outputs")).get("outputMicrographs")).get(0);
        assertEquals(3.0, ((Number) mic.get("samplingRate_Apx")).doubleValue(), 1e-9, "import and protocol params routed");
        assertEquals(1, run("run", "TestSum", "colour=red", "--input", data + "/*.mrcs", "--out", tmp.resolve("o2").toString()));
        assertTrue(err().contains("unknown parameter [colour]"), err());
        assertEquals(1, run("run", "Nope", "--input", "x", "--out", "y"));
        assertTrue(err().contains("unknown protocol 'Nope'"), err());
    }

    /** A per-item protocol for the run command: a micrograph per movie, pixel size times {@code scale}. */
    static final class MovieSummer implements org.scipionj.api.protocol.ItemProtocol {
        @Override
        public org.scipionj.api.protocol.ProtocolDescriptor descriptor() {
            return new org.scipionj.api.protocol.ProtocolDescriptor("test.sum", "Sum", List.of("TestSum"),
                    List.of(org.scipionj.api.protocol.Slot.of("inputMovies", org.scipionj.api.item.Movie.class)),
                    List.of(org.scipionj.api.protocol.Slot.of("outputMicrographs", org.scipionj.api.item.Micrograph.class)),
                    List.of(org.scipionj.api.protocol.Param.decimal("scale", 1.0)));
        }

        @Override
        public org.scipionj.api.protocol.ItemProcessor open(org.scipionj.api.protocol.RunContext run) {
            return (ctx, in) -> {
                org.scipionj.api.item.Movie m = (org.scipionj.api.item.Movie) in;
                return org.scipionj.api.protocol.ItemResult.done("outputMicrographs", new org.scipionj.api.item.Micrograph(
                        m.id(), m.file() + ".sum.mrc", m.width_px(), m.height_px(),
                        m.samplingRate_Apx() * run.parameters().decimal("scale"), m.acquisition(), m.file(), Map.of()));
            };
        }
    }

    @Test
    void badInputGetsClearErrorsAndExitCodes() throws Exception {
        assertEquals(1, run("create-project", "name=x", "workflow=" + workflow("[\n {\"object.className\": ProtImportMovies}\n]")));
        assertTrue(err().contains("line 2, column"), err());
        assertEquals(1, run("create-project", "name=x", "workflow=/nope/missing.json"));
        assertTrue(err().contains("cannot read workflow /nope/missing.json"), err());
        assertEquals(1, run("create-project", "name=bad name", "workflow=" + workflow("[]")));
        assertTrue(err().contains("not a valid project name"), err());
        assertEquals(1, run("create-project", "name=p", "workflow=" + workflow(
                "[{\"object.className\": \"ProtImportMovies\", \"object.id\": \"2\", \"filesPath\": \"/d\","
                        + " \"voltage\": \"high\", \"dataStreeming\": true}]")));
        assertTrue(err().contains("'voltage': 'high' is not a number"), err());
        assertTrue(err().contains("unknown parameter 'dataStreeming'"), err());
        assertEquals(0, run("create-project", "name=p", "workflow=" + workflow("[]")));
        assertEquals(1, run("create-project", "name=p", "workflow=" + workflow("[]")));
        assertTrue(err().contains("already exists"), err());
        assertEquals(1, run("status", "name=nothere"));
        assertTrue(err().contains("no project named 'nothere'"), err());
        assertEquals(1, run("status"));
        assertTrue(err().contains("status needs name="), err());
        assertEquals(1, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        assertEquals(1, run("status", "name=p", "colour=blue"));
        assertTrue(err().contains("unknown argument colour="), err());
    }

    @Test
    void foregroundScheduleImportsAFolderAndItemsAreListed() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        for (int i = 0; i < 3; i++) {
            new DemoMicroscope(data, 32, 2, 1.3).writeMovie(i, 0);
        }
        Files.writeString(data.resolve("FoilHole_9999_fractions.mrcs"), "not a movie");
        Path wf = workflow("[{\"object.className\": \"ProtImportMovies\", \"object.id\": \"2\", \"filesPath\": \""
                + data + "\", \"filesPattern\": \"*.mrcs\"}]");
        assertEquals(0, run("create-project", "name=f", "workflow=" + wf), err());
        assertEquals(0, run("schedule-project", "name=f", "--foreground"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("finished"), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("items", "name=f", "set=2.outputMovies", "--json"));
        List<?> items = new ObjectMapper().readValue(out.toString(StandardCharsets.UTF_8), List.class);
        assertEquals(3, items.size());
        assertEquals(32, ((Map<?, ?>) items.get(0)).get("width_px"));
        assertEquals(0, run("status", "name=f"));
        String status = out.toString(StandardCharsets.UTF_8);
        assertTrue(status.matches("(?s).*2\\s+finished\\s+3\\s+1.*"), status);
        assertEquals(1, run("items", "name=f", "set=7.outputMovies"));
        assertTrue(err().contains("no output set '7.outputMovies'"), err());
    }
}
