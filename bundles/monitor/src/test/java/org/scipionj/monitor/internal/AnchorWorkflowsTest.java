package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.Project;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.core.internal.workflow.ParamValues;
import org.scipionj.core.workflow.WorkflowTemplate;
import org.scipionj.importer.internal.ProtImportMovies;

/** Every ProtMonitorSummary of the real Scipion workflows in the anchors loads, every key understood. */
class AnchorWorkflowsTest {

    static final Path ANCHORS = Path.of("../../../shared/anchors/workflows");
    static final List<String> ENGINE = List.of("object.className", "object.id", "object.label", "object.comment",
            "runName", "runMode", "_useQueue", "_queueParams", "_prerequisites");

    @TempDir
    Path dir;

    static List<Path> files() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ANCHORS), "anchors at " + ANCHORS.toAbsolutePath());
        try (Stream<Path> s = Files.list(ANCHORS)) {
            return s.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".json.template"))
                    .sorted().toList();
        }
    }

    static String json(Path f) throws Exception {
        String text = Files.readString(f);
        if (f.toString().endsWith(".template")) {
            text = WorkflowTemplate.parse(text, f.toString()).fill(Map.of(), v -> "/tmp");
        }
        return text;
    }

    @Test
    void everySummaryKeyIsAParameterWithAValidValue() throws Exception {
        int monitors = 0;
        for (Path f : files()) {
            List<Map<String, Object>> runs = new ObjectMapper().readValue(json(f), new TypeReference<>() { });
            for (Map<String, Object> run : runs) {
                if (!"ProtMonitorSummary".equals(run.get("object.className"))) {
                    continue;
                }
                monitors++;
                List<String> problems = new ArrayList<>();
                for (Map.Entry<String, Object> e : run.entrySet()) {
                    if (ENGINE.contains(e.getKey())) {
                        continue;
                    }
                    Param p = ProtMonitorSummary.DESCRIPTOR.param(e.getKey()).orElse(null);
                    if (p == null) {
                        problems.add(f.getFileName() + ": no parameter " + e.getKey());
                        continue;
                    }
                    try {
                        ParamValues.convert(p, e.getValue());
                    } catch (IllegalArgumentException ex) {
                        problems.add(f.getFileName() + ": " + e.getKey() + ": " + ex.getMessage());
                    }
                }
                List<String> converted = new ArrayList<>();
                Parameters params = ParamValues.parameters(ProtMonitorSummary.DESCRIPTOR, run, converted);
                problems.addAll(converted);
                problems.addAll(new ProtMonitorSummary().validate(params));
                assertTrue(problems.isEmpty(), problems.toString());
                assertEquals(4, params.runs("inputProtocols").size());
            }
        }
        assertTrue(monitors >= 4, "ProtMonitorSummary objects found: " + monitors);
    }

    @Test
    void aarhusWorkflowCreatesAProjectWithItsMonitor() throws Exception {
        Path aarhus = ANCHORS.resolve("scipion-session_aarhus_workflow-streaming.json");
        Assumptions.assumeTrue(Files.isRegularFile(aarhus));
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import");
        registry.add(new ProtMonitorSummary(), "monitor");
        registry.add(new ProtMonitorCTF(), "monitor");
        registry.add(new ProtMonitorSystem(), "monitor");
        registry.add(new ProtMonitorMovieGain(), "monitor");
        registry.add(new ProtCurateMicrographs(), "monitor");
        assertTrue(registry.unavailable().isEmpty(), registry.unavailable().toString());
        DefaultProjectService projects = new DefaultProjectService(dir, registry, 1);
        try (Project p = projects.create("aarhus", Files.readString(aarhus), aarhus.toString(), true)) {
            assertFalse(p.runs().stream().filter(r -> r.className().equals("ProtMonitorSummary")).toList().isEmpty());
        }
    }
}
