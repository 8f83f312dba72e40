package org.scipionj.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.core.workflow.WorkflowTemplate;
import org.scipionj.importer.internal.ProtImportMovies;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's parts that need no other process: options, the acquisition's values and how they fill every template
 * of workflows/, the progress table and rates, and the checks made before anything starts.
 */
class DemoTest {

    static final Path WORKFLOWS = Path.of("../../workflows");

    @TempDir
    Path tmp;

    @Test
    void optionsInEveryStyle() {
        boolean[] headless = {false};
        DemoRequest r = Demo.parse(new String[] {"--count", "3", "--interval=1.5", "preset=small", "--port", "0",
                "--name", "d1", "--template", "preprocessing", "--headless"}, headless);
        assertTrue(headless[0]);
        assertEquals(3, r.count());
        assertEquals(1.5, r.interval_s());
        assertEquals("small", r.preset());
        assertEquals(0, r.port());
        assertEquals("d1", r.name());
        assertEquals("preprocessing", r.template());
        DemoRequest d = Demo.parse(new String[0], new boolean[1]);
        assertEquals(DemoRequest.defaults(), d);
        ScipionException bad = assertThrows(ScipionException.class, () -> Demo.parse(new String[] {"--count", "many"},
                new boolean[1]));
        assertTrue(bad.getMessage().contains("--count must be a whole number from 1 to 100000, not 'many'"), bad.getMessage());
        assertThrows(ScipionException.class, () -> Demo.parse(new String[] {"--colour", "red"}, new boolean[1]));
        assertThrows(ScipionException.class, () -> Demo.parse(new String[] {"--count"}, new boolean[1]));
    }

    @Test
    void acquisitionValuesFitTheCameraAndFillEveryTemplate() throws Exception {
        DemoAcquisition tiny = DemoAcquisition.of(DemoRequest.defaults());
        assertEquals(75, tiny.particle_px(), "150 Å at 2 Å/px");
        assertEquals(102, tiny.box_px());
        List<String> args = tiny.simulatorArgs(Path.of("/d"), 4, 2);
        assertEquals(List.of("testdata", "--generate", "small", "--out", "/d", "--count", "4", "--interval", "2"),
                args.subList(0, 9));
        assertTrue(String.join(" ", args).contains("--gain off --size 512x512 --frames 8 --pixel-size 2 --dose 2 --voltage 300"),
                args.toString());
        DemoAcquisition custom = DemoAcquisition.of(DemoRequest.defaults().withPreset("falcon4").withOptics(1.0, 0.8, 200.0));
        assertEquals(150, custom.particle_px());
        assertEquals("512", custom.answers(Path.of("/d"), 4).get("windowSize"));
        assertThrows(ScipionException.class, () -> DemoAcquisition.of(DemoRequest.defaults().withPreset("huge")));
        assertThrows(ScipionException.class, () -> DemoAcquisition.of(DemoRequest.defaults().withOptics(-1.0, null, null)));

        Map<String, String> answers = tiny.answers(Path.of("/data/d1"), 4);
        List<String> templates;
        try (var s = Files.list(WORKFLOWS)) {
            templates = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json.template")).sorted().toList();
        }
        assertEquals(List.of("demo.json.template", "preprocessing-curation.json.template",
                "preprocessing-picking.json.template", "preprocessing.json.template"), templates);
        for (String t : templates) {
            String json = DemoStarter.fill(WORKFLOWS.resolve(t), answers);
            List<?> runs = new ObjectMapper().readValue(json, List.class);
            Map<?, ?> importRun = (Map<?, ?>) runs.get(0);
            assertEquals("/data/d1", importRun.get("filesPath"), t);
            assertEquals("movie_*.mrc", importRun.get("filesPattern"), t);
            assertEquals(2.0, ((Number) importRun.get("samplingRate")).doubleValue(), t);
            assertTrue(WorkflowTemplate.parse(Files.readString(WORKFLOWS.resolve(t)), t).fields().size() >= 14, t);
            for (Object run : runs) {
                Map<?, ?> m = (Map<?, ?>) run;
                if (m.containsKey("particleSize")) {
                    assertEquals(75, ((Number) m.get("particleSize")).intValue(), t);
                }
            }
        }
    }

    @Test
    void startRefusesBadRequestsBeforeStartingAnything() throws Exception {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import test");
        DefaultProjectService projects = new DefaultProjectService(tmp.resolve("user"), registry, 1);
        DemoStarter starter = new DemoStarter(projects, registry, WORKFLOWS, new LauncherProcess(null, tmp.resolve("user")),
                null);
        assertEquals(List.of("demo", "preprocessing", "preprocessing-curation", "preprocessing-picking"), starter.templates());
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ScipionException noTemplate = assertThrows(ScipionException.class,
                () -> starter.start(DemoRequest.defaults().withTemplate("nope"), out));
        assertTrue(noTemplate.getMessage().contains("available: demo, preprocessing"), noTemplate.getMessage());
        ScipionException noCount = assertThrows(ScipionException.class,
                () -> starter.start(DemoRequest.defaults().withCount(0), out));
        assertTrue(noCount.getMessage().contains("number of movies"), noCount.getMessage());
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("dataset.json"), "{}");
        ScipionException dataset = assertThrows(ScipionException.class,
                () -> starter.start(DemoRequest.defaults().withDataFolder(used), out));
        assertTrue(dataset.getMessage().contains("already holds a simulated dataset"), dataset.getMessage());
        ScipionException plugins = assertThrows(ScipionException.class,
                () -> starter.start(DemoRequest.defaults().withName("p1"), out));
        assertTrue(plugins.getMessage().contains("ProtMotionCorr (plugin motioncorr)"), plugins.getMessage());
        assertTrue(plugins.getMessage().contains("EmanProtAutopick (plugin eman)"), plugins.getMessage());
        assertFalse(plugins.getMessage().contains("ProtImportMovies"), "installed");
        assertTrue(projects.list().isEmpty(), "nothing created");
    }

    @Test
    void progressRowsRatesAndTable() {
        DemoProgress progress = new DemoProgress();
        RunInfo run = new RunInfo(3, "motioncorr", "ProtMotionCorr", "motioncorr.align", RunStatus.RUNNING, 2, 1,
                Map.of(), Map.of(), List.of(new org.scipionj.api.project.OutputInfo("3.outputMovies", "Movie", 2,
                        org.scipionj.api.stream.SetState.OPEN), new org.scipionj.api.project.OutputInfo(
                        "3.outputMicrographsDoseWeighted", "Micrograph", 3, org.scipionj.api.stream.SetState.OPEN)),
                null, null);
        List<DemoProgress.Row> first = progress.rows(0, 1, 10, "running", List.of(run));
        assertTrue(Double.isNaN(first.get(0).perMinute()), "one sample: no rate yet");
        RunInfo later = new RunInfo(3, "motioncorr", "ProtMotionCorr", "motioncorr.align", RunStatus.RUNNING, 8, 1,
                Map.of(), Map.of(), run.outputs(), null, null);
        List<DemoProgress.Row> rows = progress.rows(30_000_000_000L, 4, 10, "running", List.of(later));
        assertEquals(6.0, rows.get(0).perMinute(), 1e-9, "3 movies in 30 s");
        assertEquals(12.0, rows.get(1).perMinute(), 1e-9, "6 items in 30 s");
        assertEquals("outputMicrographsDoseWeighted 3", rows.get(1).output(), "the largest output");
        assertEquals("4 of 10 movies", rows.get(0).output());
        List<String> table = DemoProgress.table(rows);
        assertEquals(3, table.size());
        assertTrue(table.get(2).startsWith("3 motioncorr") && table.get(2).contains(" 12.0 "), table.get(2));
        assertEquals("Acquisition (simulator): running 4 | 3 motioncorr: running 8 (1 failed)", DemoProgress.line(rows));
    }
}
