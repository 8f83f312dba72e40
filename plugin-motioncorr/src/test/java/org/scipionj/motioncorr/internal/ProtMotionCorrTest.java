package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.core.internal.workflow.WorkflowReader;
import org.scipionj.core.workflow.WorkflowTemplate;
import org.scipionj.image.io.MrcHeaderReader;
import org.scipionj.importer.internal.ProtImportMovies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ProtMotionCorrTest {

    static final Path ANCHORS = Path.of("../../shared/anchors/workflows");

    @TempDir
    Path dir;

    @Test
    void descriptorIsValid() {
        assertEquals(List.of(), new ProtMotionCorr().descriptor().problems());
    }

    @Test
    void everyProtMotionCorrOfScipionsWorkflowsLoads() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Protocol importer = new ProtImportMovies();
        Protocol motioncorr = new ProtMotionCorr();
        WorkflowReader reader = new WorkflowReader(name -> name.equals("ProtImportMovies") ? Optional.of(importer)
                : motioncorr.descriptor().classNames().contains(name) ? Optional.of(motioncorr) : Optional.empty());
        int checked = 0;
        List<Path> files;
        try (var s = Files.list(ANCHORS)) {
            files = s.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".json.template"))
                    .sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            String json = f.toString().endsWith(".template")
                    ? WorkflowTemplate.parse(text, f.toString()).fill(Map.of(), name -> "/tmp/" + name) : text;
            for (JsonNode node : mapper.readTree(json)) {
                if (!node.path("object.className").asText().equals("ProtMotionCorr")) {
                    continue;
                }
                ObjectNode mc = (ObjectNode) node.deepCopy();
                mc.put("object.id", "2");
                mc.put("inputMovies", "1.outputMovies");
                String workflow = "[{\"object.className\": \"ProtImportMovies\", \"object.id\": \"1\", "
                        + "\"filesPath\": \"/tmp\"}, " + mapper.writeValueAsString(mc) + "]";
                assertEquals(2, reader.read(workflow, f.getFileName().toString()).size(), f.toString());
                checked++;
            }
        }
        assertTrue(checked >= 5, "ProtMotionCorr entries checked: " + checked);
    }

    @Test
    void alignsAMovieAndWritesEveryOutput() throws Exception {
        SyntheticMovie synthetic = new SyntheticMovie(256, 8, 2.0, 21);
        Path file = synthetic.write(dir.resolve("mov_1.mrc"), 3);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("patchX", 0);
        params.put("patchY", 0);
        params.put("doSaveUnweightedMic", true);
        params.put("binFactor", 2.0);
        Contexts.Run run = Contexts.run(dir.resolve("run"), params, 2);
        Movie movie = new Movie(7, file.toString(), 256, 256, 8, 1.0, 2.0, 0, null, null, null, Map.of("x", 1));
        ItemResult result;
        try (ItemProcessor p = new ProtMotionCorr().open(run)) {
            result = p.process(run.item(), movie);
        }
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        Micrograph dw = (Micrograph) result.outputs().get(ProtMotionCorr.OUT_DW).get(0);
        Micrograph plain = (Micrograph) result.outputs().get(ProtMotionCorr.OUT_MICS).get(0);
        Movie out = (Movie) result.outputs().get(ProtMotionCorr.OUT_MOVIES).get(0);
        assertEquals(7, dw.id());
        assertTrue(dw.file().endsWith("000007_mov_1_aligned_mic_DW.mrc"), dw.file());
        assertEquals(128, dw.width_px());
        assertEquals(2.0, dw.samplingRate_Apx(), 1e-9);
        assertEquals(128, MrcHeaderReader.read(Path.of(plain.file())).nx());
        assertEquals(2.0, MrcHeaderReader.read(Path.of(dw.file())).pixelSizeA(), 1e-4);
        for (String png : List.of((String) dw.attributes().get("plotGlobal"), (String) dw.attributes().get("thumbnail"))) {
            byte[] head = Files.readAllBytes(Path.of(png));
            assertEquals((byte) 0x89, head[0]);
            assertEquals('P', head[1]);
        }
        @SuppressWarnings("unchecked")
        List<Double> sx = (List<Double>) out.attributes().get("shiftsX_px");
        @SuppressWarnings("unchecked")
        List<Double> sy = (List<Double>) out.attributes().get("shiftsY_px");
        double[][] measured = new double[8][];
        for (int t = 0; t < 8; t++) {
            measured[t] = new double[] {sx.get(t), sy.get(t)};
        }
        assertTrue(SyntheticMovie.rmsError(measured, synthetic.shifts) < 0.15);
        assertEquals(1, out.attributes().get("x"), "the movie's own attributes are kept");
        assertTrue((Double) out.attributes().get("driftTotal_A") > 1);
        assertEquals(1, out.attributes().get("alignFrame0"));
        assertEquals(8, out.attributes().get("alignFrameN"));
    }

    @Test
    void aCorruptMovieFailsAloneWithTheReason() throws Exception {
        Path bad = dir.resolve("broken.mrc");
        Files.write(bad, new byte[300]);
        Contexts.Run run = Contexts.run(dir.resolve("run"), Map.of(), 1);
        Movie movie = new Movie(3, bad.toString(), 256, 256, 8, 1.0, 2.0, 0, null, null, null, Map.of());
        try (ItemProcessor p = new ProtMotionCorr().open(run)) {
            ItemResult r = p.process(run.item(), movie);
            assertEquals(ItemResult.Kind.FAILED, r.kind());
            assertTrue(r.reason().contains("broken.mrc"), r.reason());
        }
    }

    @Test
    void frameRangesAndDoseAreCheckedAgainstEachMovie() throws Exception {
        SyntheticMovie synthetic = new SyntheticMovie(64, 4, 2.0, 1);
        Path file = synthetic.write(dir.resolve("short.mrc"), 3);
        Contexts.Run run = Contexts.run(dir.resolve("run"), Map.of("alignFrame0", 2, "alignFrameN", 9), 1);
        Movie movie = new Movie(1, file.toString(), 64, 64, 4, 1.0, 2.0, 0, null, null, null, Map.of());
        try (ItemProcessor p = new ProtMotionCorr().open(run)) {
            ItemResult r = p.process(run.item(), movie);
            assertEquals(ItemResult.Kind.FAILED, r.kind());
            assertTrue(r.reason().contains("has 4 frames") && r.reason().contains("alignFrameN"), r.reason());
        }
        Contexts.Run dw = Contexts.run(dir.resolve("run2"), Map.of(), 1);
        Movie noDose = new Movie(1, file.toString(), 64, 64, 4, 1.0, 0, 0, null, null, null, Map.of());
        try (ItemProcessor p = new ProtMotionCorr().open(dw)) {
            ItemResult r = p.process(dw.item(), noDose);
            assertEquals(ItemResult.Kind.FAILED, r.kind());
            assertTrue(r.reason().contains("doApplyDoseFilter"), r.reason());
        }
    }

    @Test
    void validationNamesTheParameter() {
        ProtMotionCorr p = new ProtMotionCorr();
        List<String> problems = new ArrayList<>(p.validate(Contexts.parametersUnchecked(Map.of("alignFrame0", 5,
                "alignFrameN", 3, "extraParams2", "-Bft x", "doMagCor", true))));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("alignFrameN"));
        assertTrue(problems.get(1).contains("-Bft"));
        assertTrue(problems.get(2).contains("doMagCor"));
        assertFalse(Contexts.parametersUnchecked(Map.of("GPUIDs", "0 1", "useMotioncor2", true)).has("nope"));
    }

    static List<Item> all(ItemResult r) {
        List<Item> out = new ArrayList<>();
        r.outputs().values().forEach(out::addAll);
        return out;
    }
}
