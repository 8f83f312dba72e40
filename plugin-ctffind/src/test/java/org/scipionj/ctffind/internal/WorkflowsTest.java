package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceProtocol;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.workflow.WorkflowReader;
import org.scipionj.core.workflow.WorkflowTemplate;
import org.scipionj.testing.Anchors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every ProtCTFFind / CistemProtCTFFind object of the real Scipion workflows and templates in the shared anchors
 * loads through the engine's own workflow reader: each key is known, each value converts and validates.
 */
class WorkflowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASSES = List.of("CistemProtCTFFind", "ProtCTFFind");

    /** Stands in for the run the CTF object reads from. */
    private static final class MicrographSource implements SourceProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.mics", "micrographs", List.of("TestMicrographs"), List.of(),
                    List.of(Slot.of("outputMicrographs", Micrograph.class)), List.of());
        }

        @Override
        public Source open(RunContext run) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void everyCtfObjectOfTheAnchorsLoads() throws IOException {
        Path dir = Anchors.root().resolve("workflows");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.template"))
                    .sorted().toList();
        }
        Protocol ctf = new CistemProtCTFFind("");
        int found = 0;
        List<String> keys = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            if (file.toString().endsWith(".template")) {
                text = WorkflowTemplate.parse(text, file.toString()).fill(Map.of(), name -> "/data");
            }
            for (Object o : JSON.readValue(text, List.class)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) o;
                if (!CLASSES.contains(String.valueOf(object.get("object.className")))) {
                    continue;
                }
                found++;
                keys.addAll(object.keySet());
                Map<String, Object> run = new LinkedHashMap<>(object);
                run.put("inputMicrographs", "1.outputMicrographs");
                Map<String, Object> source = Map.of("object.className", "TestMicrographs", "object.id", "1");
                String workflow = JSON.writeValueAsString(List.of(source, run));
                WorkflowReader reader = new WorkflowReader(name -> CLASSES.contains(name) ? Optional.of(ctf)
                        : name.equals("TestMicrographs") ? Optional.of(new MicrographSource()) : Optional.empty());
                List<RunRecord> records = reader.read(workflow, file.getFileName() + " run " + object.get("object.id"));
                RunRecord record = records.get(1);
                Parameters p = new Parameters(typed(ctf.descriptor(), record.params()));
                SearchSettings s = new LegacyValues(p).settingsFor(1.0);
                assertTrue(s.lowRes_A() > s.highRes_A() && s.highRes_A() > 1, file + ": " + s);
                assertTrue(s.maxDefocus_A() > s.minDefocus_A() && s.minDefocus_A() >= 1000, file + ": " + s);
            }
        }
        assertEquals(6, found, "CTF objects in " + files);
        assertTrue(keys.containsAll(List.of("useCftfind4", "useCtffind4", "resamplePix", "AutoDownsampling",
                "usePowerSpectra", "avgFrames", "inputType", "streamingWarning", "ctfDownFactor")), keys.toString());
    }

    /** The values the engine would give the run, typed by the descriptor, defaults applied. */
    private static Map<String, Object> typed(ProtocolDescriptor d, Map<String, Object> json) {
        List<String> problems = new ArrayList<>();
        Parameters p = org.scipionj.core.internal.workflow.ParamValues.parameters(d, json, problems);
        assertFalse(!problems.isEmpty(), problems.toString());
        return p.asMap();
    }
}
