package org.scipionj.eman.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.process.RealSpace;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.testing.TestRun;

class EmanProtAutopickTest {

    @TempDir
    Path dir;

    private static Parameters params(Map<String, Object> overrides) {
        return TestRun.of(EmanProtAutopick.DESCRIPTOR, Path.of("."), overrides).parameters();
    }

    @Test
    void descriptorIsValidAndDefaultsValidate() {
        assertEquals(List.of(), EmanProtAutopick.DESCRIPTOR.problems());
        assertEquals(List.of(), new EmanProtAutopick("").validate(params(Map.of())));
    }

    @Test
    void neuralNetNeedsEman2AndByRefNeedsReferences() {
        List<String> p = new EmanProtAutopick("").validate(params(Map.of("boxerMode", 2)));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("no EMAN2 installation") && p.get(0).contains("scipion.eman2.home"), p.get(0));
        assertEquals(List.of(), new EmanProtAutopick("/opt/eman2").validate(params(Map.of("boxerMode", 2))));
        List<String> r = new EmanProtAutopick("").validate(params(Map.of("boxerMode", 1)));
        assertTrue(r.get(0).contains("references"), r.toString());
    }

    @Test
    void picksAMicrographFileAndWritesBoxAndStarFiles() throws Exception {
        SimulatedMicrographs.Sample s = SimulatedMicrographs.render(
                SimulatedMicrographs.options(Preset.SMALL, 512, 60).seed(5).build(), 1);
        Path file = dir.resolve("mic_0001.mrc");
        MrcFiles.write(file, List.of(s.image()), MrcMode.FLOAT32, 1.0);
        Micrograph m = new Micrograph(7, file.toString(), 512, 512, 1.0, null, null, Map.of());
        TestRun run = TestRun.of(EmanProtAutopick.DESCRIPTOR, dir, Map.of("particleSize", 60L, "boxSize", 80L));
        EmanProtAutopick protocol = new EmanProtAutopick("");
        ItemResult result;
        try (ItemProcessor p = protocol.open(run)) {
            result = p.process(run, m);
        }
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        List<Item> coords = result.outputs().get("outputCoordinates");
        List<Pick> picks = new ArrayList<>();
        for (Item i : coords) {
            Coordinate c = (Coordinate) i;
            assertEquals(7, c.micrographId());
            assertEquals(80, c.boxSize_px());
            assertTrue(c.id() > 7 * PickOutputs.ID_STRIDE);
            picks.add(new Pick(c.x_px(), c.y_px(), c.score()));
        }
        PickingScore score = PickingScore.of(picks, s.centres(), s.diameter_px() / 4);
        assertTrue(score.f1() >= 0.85, score.toString());
        List<Pick> box = CoordinateFiles.readBox(dir.resolve("mic_0001.box"));
        assertEquals(coords.size(), box.size());
        assertEquals(picks.get(0).x(), box.get(0).x(), 0.51);
        StarBlock star = StarFile.read(dir.resolve("mic_0001_autopick.star")).blocks().get(0);
        assertEquals(coords.size(), star.rows().size());
        assertEquals(picks.get(0).y(), Double.parseDouble(star.value(0, "rlnCoordinateY")), 1e-5);
        assertEquals(picks.get(0).score(), Double.parseDouble(star.value(0, "rlnAutopickFigureOfMerit")), 1e-5);
    }

    @Test
    void picksByRotatedReferences() throws Exception {
        // the reference: one particle cut from a noise-free micrograph of another seed
        SimulatedMicrographs.Sample clean = SimulatedMicrographs.render(SimulatedMicrographs
                .options(Preset.SMALL, 256, 60).seed(11).noise(false).format(OutputFormat.MRC_FLOAT32).build(), 1);
        double[] c = clean.centres().stream().filter(x -> x[0] >= 40 && x[1] >= 40 && x[0] < 215 && x[1] < 215)
                .findFirst().orElseThrow();
        Frame ref = RealSpace.crop(clean.image(), (int) Math.round(c[0]) - 40, (int) Math.round(c[1]) - 40, 80, 80);
        Path refs = dir.resolve("refs.mrcs");
        MrcFiles.write(refs, List.of(ref), MrcMode.FLOAT32, 1.0);
        SimulatedMicrographs.Sample s = SimulatedMicrographs.render(
                SimulatedMicrographs.options(Preset.SMALL, 512, 60).seed(5).build(), 1);
        Parameters p = params(Map.of("particleSize", 60L, "boxerMode", 1, "references", refs));
        assertEquals(List.of(), new EmanProtAutopick("").validate(p));
        List<Pick> picks = new ReferencePicker(MrcFiles.readAll(refs), EmanProtAutopick.settings(p), 15)
                .pick(s.image());
        PickingScore score = PickingScore.of(picks, s.centres(), s.diameter_px() / 4);
        assertTrue(score.f1() >= 0.8, score.toString());
    }

    @Test
    void neuralNetRunsE2boxer() throws Exception {
        Path home = dir.resolve("eman2");
        Files.createDirectories(home.resolve("bin"));
        Path script = home.resolve("bin/e2boxer.py");
        // a fake e2boxer.py: checks its arguments, writes two boxes of 64 px for the micrograph it was given
        Files.writeString(script, "#!/bin/sh\n"
                + "case \"$*\" in *--autopick=auto_convnet:threshold=5.00:threshold2=-5.00*--device=cpu*) ;; "
                + "*) echo bad args $*; exit 2;; "
                + "esac\n"
                + "name=$(basename \"$1\" .mrc)\nmkdir -p boxfiles\n"
                + "printf '100\\t200\\t64\\t64\\n300\\t50\\t64\\t64\\n' > boxfiles/$name.box\necho done $*\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("mic_0002.mrc");
        MrcFiles.write(file, List.of(new Frame(64, 64)), MrcMode.FLOAT32, 1.0);
        Micrograph m = new Micrograph(2, file.toString(), 64, 64, 1.0, null, null, Map.of());
        TestRun run = TestRun.of(EmanProtAutopick.DESCRIPTOR, dir,
                Map.of("boxerMode", 2, "boxSize", 64L, "threshold", 5.0));
        ItemResult result;
        try (ItemProcessor p = new EmanProtAutopick(home.toString()).open(run)) {
            result = p.process(run, m);
        }
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        List<Item> coords = result.outputs().get("outputCoordinates");
        assertEquals(2, coords.size());
        Coordinate first = (Coordinate) coords.get(0);
        assertEquals(132, first.x_px(), 1e-9);
        assertEquals(232, first.y_px(), 1e-9);
        assertTrue(Files.exists(dir.resolve("mic_0002_autopick.star")));
    }
}
