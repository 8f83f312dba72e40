package org.scipionj.eman.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceProtocol;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.workflow.ParamValues;
import org.scipionj.core.internal.workflow.WorkflowReader;
import org.scipionj.testing.Anchors;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The picking and extraction objects of the real Scipion workflows load through the engine's workflow reader. */
class WorkflowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stands in for the runs the objects read from. */
    private static final class Upstream implements SourceProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.up", "upstream", List.of("TestUpstream"), List.of(),
                    List.of(Slot.of("outputMicrographs", Micrograph.class),
                            Slot.of("outputCoordinates", org.scipionj.api.item.Coordinate.class),
                            Slot.of("outputCTF", org.scipionj.api.item.CtfModel.class)), List.of());
        }

        @Override
        public Source open(RunContext run) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every key of the objects of {@code classes} in {@code file} loads; returns how many objects there were. */
    static int load(String file, List<String> classes, Protocol protocol, Map<String, String> inputs)
            throws Exception {
        int found = 0;
        for (Object o : JSON.readValue(Anchors.file("workflows/" + file).toFile(), List.class)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) o;
            if (!classes.contains(String.valueOf(object.get("object.className")))) {
                continue;
            }
            found++;
            Map<String, Object> run = new LinkedHashMap<>(object);
            run.putAll(inputs);
            Map<String, Object> source = Map.of("object.className", "TestUpstream", "object.id", "1");
            WorkflowReader reader = new WorkflowReader(name -> classes.contains(name) ? Optional.of(protocol)
                    : name.equals("TestUpstream") ? Optional.of(new Upstream()) : Optional.empty());
            List<RunRecord> records = reader.read(JSON.writeValueAsString(List.of(source, run)), file);
            List<String> problems = new ArrayList<>();
            var p = ParamValues.parameters(protocol.descriptor(), records.get(1).params(), problems);
            assertEquals(List.of(), problems);
            assertEquals(List.of(), protocol.validate(p), object.toString());
        }
        return found;
    }

    @Test
    void emanBoxingOfBetagalLoads() throws Exception {
        assertEquals(1, load("scipion-app_workflow_betagal1.json", List.of("EmanProtBoxing"),
                new EmanProtAutopick(""), Map.of("inputMicrographs", "1.outputMicrographs")));
    }

    @Test
    void xmippExtractionOfBetagalLoads() throws Exception {
        assertEquals(1, load("scipion-app_workflow_betagal1.json", List.of("XmippProtExtractParticles"),
                new XmippProtExtractParticles(), Map.of("inputMicrographs", "1.outputMicrographs",
                        "inputCoordinates", "1.outputCoordinates", "ctfRelations", "1.outputCTF")));
    }
}
