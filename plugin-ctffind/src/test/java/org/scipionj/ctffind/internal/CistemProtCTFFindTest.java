package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scipionj.testing.TestRun;

/** The descriptor and its validation. */
class CistemProtCTFFindTest {

    private final CistemProtCTFFind protocol = new CistemProtCTFFind("");

    private List<String> problems(Map<String, Object> given) {
        return protocol.validate(TestRun.of(protocol.descriptor(), Path.of("."), given).parameters());
    }

    @Test
    void descriptorIsValidAndAnswersToBothScipionNames() {
        assertTrue(protocol.descriptor().problems().isEmpty(), protocol.descriptor().problems().toString());
        assertEquals(List.of("CistemProtCTFFind", "ProtCTFFind"), protocol.descriptor().classNames());
        assertEquals("inputMicrographs", protocol.descriptor().inputs().get(0).name());
        assertEquals("outputCTF", protocol.descriptor().outputs().get(0).name());
        assertTrue(problems(Map.of()).isEmpty(), problems(Map.of()).toString());
    }

    @Test
    void inconsistentValuesAreReported() {
        assertTrue(problems(Map.of("highRes", 40.0)).get(0).contains("highRes 40.0 must be a finer resolution"));
        assertTrue(problems(Map.of("lowRes", 0.4, "highRes", 0.3)).get(0).contains("normalised"));
        assertTrue(problems(Map.of("minDefocus", 60000.0)).get(0).contains("minDefocus"));
        assertTrue(problems(Map.of("inputType", 0)).get(0).contains("only 1 (micrographs)"));
        assertTrue(problems(Map.of("windowSize", 511L)).get(0).contains("even"));
        assertTrue(problems(Map.of("lowRes", 0.05, "highRes", 0.35)).isEmpty());
    }
}
