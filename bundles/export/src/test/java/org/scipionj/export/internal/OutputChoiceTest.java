package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.stream.SetState;

/** Which output an export means when a run has several. */
class OutputChoiceTest {

    private static RunInfo run(OutputInfo... outputs) {
        return new RunInfo(3, "mc", "ProtMotionCorr", "motioncorr", RunStatus.FINISHED, 2, 0, Map.of(), Map.of(),
                List.of(outputs), null, "test");
    }

    private static OutputInfo out(String name, String type, long size) {
        return new OutputInfo("3." + name, type, size, SetState.CLOSED);
    }

    @Test
    void theMostProcessedNonEmptyOutputDoseWeightedFirst() {
        OutputInfo movies = out("outputMovies", "Movie", 2);
        OutputInfo plain = out("outputMicrographs", "Micrograph", 2);
        OutputInfo dw = out("outputMicrographsDoseWeighted", "Micrograph", 2);
        assertEquals(dw, OutputChoice.choose(run(movies, plain, dw), null));
        assertEquals(dw, OutputChoice.choose(run(dw, plain, movies), null));
        OutputInfo emptyDw = out("outputMicrographsDoseWeighted", "Micrograph", 0);
        assertEquals(plain, OutputChoice.choose(run(movies, plain, emptyDw), null), "items before an empty set");
        assertEquals(movies, OutputChoice.choose(run(movies, out("outputMicrographs", "Micrograph", 0)), null));
        assertEquals(plain, OutputChoice.choose(run(movies, plain, dw), "outputMicrographs"));
        assertEquals(movies, OutputChoice.choose(run(movies, plain, dw), "3.outputMovies"));
    }

    @Test
    void messagesNameTheOutputs() {
        String none = assertThrows(ScipionException.class, () -> OutputChoice.choose(run(), null)).getMessage();
        assertTrue(none.contains("run 3 (ProtMotionCorr) has no output set yet"), none);
        String wrong = assertThrows(ScipionException.class, () -> OutputChoice.choose(run(out("outputCTF",
                "CtfModel", 5)), "outputFoo")).getMessage();
        assertEquals("run 3 has no output 'outputFoo'; its outputs: outputCTF (CtfModel, 5 items)", wrong);
    }
}
