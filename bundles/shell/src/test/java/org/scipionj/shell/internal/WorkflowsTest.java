package org.scipionj.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Movie;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.core.workflow.TemplateField;
import org.scipionj.core.workflow.WorkflowTemplate;
import org.scipionj.importer.internal.ProtImportMovies;

/** Scipion's own workflow files and templates (shared/anchors/workflows) load, fill and round-trip. */
class WorkflowsTest {

    static final Path ANCHORS = Path.of("../../../shared/anchors/workflows");
    static final Map<String, String> ENV = Map.of("HOME", "/home/facility", "SCIPION_TESTS", "/data/tests");

    @TempDir
    Path tmp;
    DefaultProjectService projects;

    @BeforeEach
    void setUp() {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "org.scipionj.importer 1.0.0");
        projects = new DefaultProjectService(tmp.resolve("userdata"), registry, 2);
    }

    static List<Path> anchors(String suffix) throws Exception {
        assertTrue(Files.isDirectory(ANCHORS), "anchors missing: " + ANCHORS.toAbsolutePath());
        try (Stream<Path> files = Files.list(ANCHORS)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyAnchorWorkflowLoadsWithSkipUnknownAndRoundTrips() throws Exception {
        List<Path> workflows = anchors(".json");
        assertEquals(3, workflows.size());
        int i = 0;
        for (Path w : workflows) {
            String json = Files.readString(w);
            ScipionException e = assertThrows(ScipionException.class, () -> projects.create("strict", json, w.toString()));
            assertTrue(e.getMessage().contains("unknown protocol class"), e.getMessage());
            try (Project p = projects.create("w" + i++, json, w.toString(), true)) {
                RunInfo imp = p.runs().get(0);
                assertEquals("ProtImportMovies", imp.className(), w.toString());
                assertRoundTrip(p);
            }
        }
    }

    @Test
    void unknownClassesNameThePluginThatWouldProvideThem() throws Exception {
        Path aarhus = ANCHORS.resolve("scipion-session_aarhus_workflow-streaming.json");
        ScipionException e = assertThrows(ScipionException.class,
                () -> projects.create("a", Files.readString(aarhus), aarhus.toString()));
        assertTrue(e.getMessage().contains("ProtGctf (run 164; Scipion's gctf package (not in Scipion-J))"), e.getMessage());
        assertTrue(e.getMessage().contains("ProtMotionCorr (run 56; Scipion-J plugin motioncorr"), e.getMessage());
    }

    @Test
    void everyAnchorTemplateParsesFillsAndLoads() throws Exception {
        List<Path> templates = anchors(".json.template");
        assertEquals(3, templates.size());
        for (Path t : templates) {
            WorkflowTemplate template = WorkflowTemplate.parse(Files.readString(t), t.toString());
            assertTrue(!template.description().isEmpty() && !template.fields().isEmpty(), t.toString());
            String json = template.fill(Map.of(), ENV::get);
            try (Project p = projects.create("t" + Math.abs(t.hashCode()), json, t.toString(), true)) {
                assertEquals("ProtImportMovies", p.runs().get(0).className());
                assertRoundTrip(p);
            }
        }
    }

    @Test
    void templateFieldsTypesAndAliases() throws Exception {
        Path t = ANCHORS.resolve("emfacilities_facility_SPA_streaming.json.template");
        WorkflowTemplate template = WorkflowTemplate.parse(Files.readString(t), t.toString());
        TemplateField voltage = template.fields().stream().filter(f -> f.alias().equals("voltage")).findFirst().orElseThrow();
        assertEquals(TemplateField.Kind.INTEGER, voltage.kind());
        TemplateField folder = template.fields().stream().filter(f -> f.alias().equals("moviesPath")).findFirst().orElseThrow();
        assertEquals(TemplateField.Kind.PATH, folder.kind());
        String json = template.fill(Map.of("moviesPath", "/data/s\"42", "voltage", "200", "streamingImport", "false"), ENV::get);
        try (Project p = projects.create("filled", json, t.toString(), true)) {
            Map<String, Object> params = p.runs().get(0).params();
            assertEquals("/data/s\"42", params.get("filesPath"));
            assertEquals("200", params.get("voltage"));
            assertEquals("/home/facility/Movies/gain.mrc", params.get("gainFile"));
        }
        ScipionException bad = assertThrows(ScipionException.class, () -> template.fill(Map.of("voltage", "high"), ENV::get));
        assertTrue(bad.getMessage().contains("'Voltage' must be a whole number"), bad.getMessage());
        ScipionException unknown = assertThrows(ScipionException.class, () -> template.fill(Map.of("colour", "1"), ENV::get));
        assertTrue(unknown.getMessage().contains("no field colour"), unknown.getMessage());
        ScipionException env = assertThrows(ScipionException.class, () -> template.fill(Map.of(), name -> null));
        assertTrue(env.getMessage().contains("HOME"), env.getMessage());
    }

    @Test
    void templateCommandAsksMissingFieldsAndRechecksTypes() throws Exception {
        Path t = tmp.resolve("mini.json.template");
        Files.writeString(t, """
                A minimal import session.
                [{"object.className": "ProtImportMovies", "object.id": "2",
                  "filesPath": "~Movies folder|%(HOME)s/Movies|2|moviesPath~", "filesPattern": "*.mrc",
                  "samplingRate": ~Pixel size|1.0|4|sampling~, "dataStreaming": ~Live|true|1|live~}]
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedReader answers = new BufferedReader(new StringReader("abc\n0.83\n\n"));
        TemplateCommand command = new TemplateCommand(projects, answers, new PrintStream(out, true, StandardCharsets.UTF_8));
        String scheduled = command.run(new String[] {t.toString(), "moviesPath=/data/s1", "--name", "mini"}, ENV);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals("mini", scheduled);
        assertTrue(shown.contains("A minimal import session."), shown);
        assertTrue(shown.contains("Pixel size (sampling, decimal) [1.0]:"), shown);
        assertTrue(shown.contains("'Pixel size' must be a number, not 'abc'"), shown);
        assertTrue(!shown.contains("Movies folder"), "given on the command line, not asked: " + shown);
        try (Project p = projects.open("mini")) {
            Map<String, Object> params = p.runs().get(0).params();
            assertEquals("/data/s1", params.get("filesPath"));
            assertEquals(0.83, params.get("samplingRate"));
            assertEquals(true, params.get("dataStreaming"));
            assertEquals("scheduled", p.runs().get(0).status().label());
        }
        assertNotNull(Movie.class);
    }

    private void assertRoundTrip(Project p) {
        String exported = p.exportWorkflow();
        try (Project again = projects.create(p.name() + "-rt", exported, "export of " + p.name())) {
            assertEquals(exported, again.exportWorkflow(), "export → load → export is stable");
        }
    }
}
