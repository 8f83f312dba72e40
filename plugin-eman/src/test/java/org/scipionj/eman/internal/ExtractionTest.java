package org.scipionj.eman.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Particle;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.process.FrameStatistics;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.testing.TestRun;

class ExtractionTest {

    @TempDir
    Path dir;

    /** A Gaussian blob of sd 3 px at {@code (x, y)} on a 256 x 256 frame. */
    private static Frame blob(double x, double y) {
        Frame f = new Frame(256, 256);
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                f.set(i, j, (float) Math.exp(-((i - x) * (i - x) + (j - y) * (j - y)) / 18));
            }
        }
        return f;
    }

    /** The centroid of {@code box} minus its mean outside {@code radius}, over the circle of {@code radius}. */
    static double[] centroid(Frame box, double radius) {
        int n = box.width();
        double c = n / 2;
        double bg = 0;
        int nb = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.hypot(x - c, y - c) > radius) {
                    bg += box.get(x, y);
                    nb++;
                }
            }
        }
        bg /= Math.max(1, nb);
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.hypot(x - c, y - c) <= radius) {
                    double v = box.get(x, y) - bg;
                    sx += v * x;
                    sy += v * y;
                    s += v;
                }
            }
        }
        return new double[] {sx / s - c, sy / s - c};
    }

    @Test
    void subPixelCoordinateLandsOnTheCentrePixel() {
        Frame mic = blob(100.3, 120.7);
        ParticleExtractor plain = new ParticleExtractor(new ExtractionSettings(32, 1, false, false, 0, -1, 0));
        double[] c = centroid(plain.extract(mic, 100.3, 120.7), 12);
        assertEquals(0, c[0], 0.02);
        assertEquals(0, c[1], 0.02);
        ParticleExtractor down = new ParticleExtractor(new ExtractionSettings(32, 2, false, false, 0, -1, 0));
        Frame small = down.extract(mic, 100.3, 120.7);
        assertEquals(32, small.width());
        double[] d = centroid(small, 8);
        assertEquals(0, d[0], 0.05);
        assertEquals(0, d[1], 0.05);
        assertNull(plain.extract(mic, 10, 128), "a box leaving the micrograph is skipped");
    }

    @Test
    void normalisationGivesTheBackgroundMeanZeroAndSdOne() {
        Frame mic = blob(128, 128);
        float[] d = mic.data();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < d.length; i++) {
            d[i] = 5 + 0.01f * (i % 256) + 0.3f * (float) r.nextGaussian() - 4 * d[i];
        }
        for (int type = 0; type < 3; type++) {
            Frame box = new ParticleExtractor(new ExtractionSettings(64, 1, true, true, type, 20, 0))
                    .extract(mic, 128, 128);
            List<Float> bg = new ArrayList<>();
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    if (type == 0 || Math.hypot(x - 32, y - 32) > 20) {
                        bg.add(box.get(x, y));
                    }
                }
            }
            float[] v = new float[bg.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = bg.get(i);
            }
            FrameStatistics s = FrameStatistics.of(v);
            assertEquals(0, s.mean(), 1e-4, "normType " + type);
            assertEquals(1, s.std(), 1e-4, "normType " + type);
            assertTrue(box.get(32, 32) > 3, "inverted: the dark-made-white blob is positive, type " + type);
        }
    }

    /**
     * Ground truth: a simulated micrograph whose image is the projected density itself (no defocus, no Cs, constant
     * CTF = -w, no noise), minus the same micrograph without particles (so only the particles' density is left, the
     * ice's texture and thickness cancel), with isolated particles, extracted at the true centres and inverted: each
     * box's density centroid is its centre.
     */
    @Test
    void simulatedParticlesAreCentredWithinAFractionOfAPixel() throws Exception {
        SimulationOptions o = groundTruthOptions(Preset.SMALL, 512, 60).seed(7).particles(4).build();
        SimulatedMicrographs.Sample s = particlesOnly(o);
        Path file = dir.resolve("truth_0001.mrc");
        MrcFiles.write(file, List.of(s.image()), MrcMode.FLOAT32, 1.0);
        Micrograph m = new Micrograph(4, file.toString(), 512, 512, 1.0, null, null, Map.of());
        List<Coordinate> coords = new ArrayList<>();
        for (double[] c : s.centres()) {
            coords.add(new Coordinate(4000 + coords.size(), 4, c[0], c[1], 1, 96, Map.of()));
        }
        CtfModel ctf = new CtfModel(4, file.toString(), 10000, 9000, 30, 0, 4, 0.2, null, Map.of());
        TestRun run = TestRun.of(XmippProtExtractParticles.DESCRIPTOR, dir, Map.of("boxSize", 128L,
                "doInvert", true, "normType", 2, "backRadius", 45.0, "doRemoveDust", false),
                Map.of("inputCoordinates", coords, "ctfRelations", List.of(ctf)));
        ItemResult result;
        try (ItemProcessor p = new XmippProtExtractParticles().open(run)) {
            result = p.process(run, m);
        }
        assertEquals(ItemResult.Kind.DONE, result.kind(), result.reason());
        List<Item> particles = result.outputs().get("outputParticles");
        List<Frame> stack = MrcFiles.readAll(dir.resolve("truth_0001_particles.mrcs"));
        assertEquals(particles.size(), stack.size());
        double error = 0;
        for (int i = 0; i < stack.size(); i++) {
            Particle p = (Particle) particles.get(i);
            assertEquals(i + 1, p.stackIndex());
            assertEquals(ctf, p.ctf());
            double[] c = centroid(stack.get(i), 45);
            error += Math.hypot(c[0], c[1]);
        }
        error /= stack.size();
        assertTrue(stack.size() >= 2, stack.size() + " of " + s.centres().size());
        assertTrue(error < 0.5, "mean centring error " + error + " px");
        StarFile star = StarFile.read(dir.resolve("truth_0001_particles.star"));
        StarBlock rows = star.block("particles").orElseThrow();
        assertEquals(stack.size(), rows.rows().size());
        assertEquals("1@" + dir.resolve("truth_0001_particles.mrcs"), rows.value(0, "rlnImageName"));
        assertEquals(10000, Double.parseDouble(rows.value(0, "rlnDefocusU")), 1e-6);
        assertEquals("128", star.block("optics").orElseThrow().value(0, "rlnImageSize"));
    }

    /** Options for which the image is the projected density: no defocus, no Cs, no envelope, no noise. */
    static SimulationOptions.Builder groundTruthOptions(Preset preset, int size, double diameterA) {
        return SimulatedMicrographs.options(preset, size, diameterA).noise(false).format(OutputFormat.MRC_FLOAT32)
                .defocus_um(0, 0).astigmatism_A(0).sphericalAberration_mm(0).amplitudeContrast(0.5).bFactor_A2(0);
    }

    /** The micrograph of {@code o} minus the same without particles. */
    static SimulatedMicrographs.Sample particlesOnly(SimulationOptions o) throws java.io.IOException {
        SimulatedMicrographs.Sample s = SimulatedMicrographs.render(o, 1);
        Frame empty = SimulatedMicrographs.render(o.toBuilder().particles(0).build(), 1).image();
        float[] d = s.image().data();
        for (int i = 0; i < d.length; i++) {
            d[i] -= empty.data()[i];
        }
        return s;
    }

    @Test
    void phaseFlipKeepsLowFrequenciesAndFlipsTheSecondLobe() {
        CtfModel ctf = new CtfModel(1, "m", 15000, 15000, 0, 0, 4, 0.2, null, Map.of());
        org.scipionj.api.item.Acquisition a = org.scipionj.api.item.Acquisition.DEFAULT;
        // Ctf.value is -sin χ: sin χ > 0 at low frequency, < 0 past the first zero
        assertTrue(PhaseFlip.ctf(ctf, a).value(0.001, 0) < 0);
        // first zero of sin(chi) near k = sqrt(1 / (lambda df)) ~ 1/17 per Å at 300 kV, 1.5 µm
        assertTrue(PhaseFlip.ctf(ctf, a).value(0.07, 0) > 0);
    }

    @Test
    void flipWithoutCtfFails() throws Exception {
        Path file = dir.resolve("m.mrc");
        MrcFiles.write(file, List.of(new Frame(64, 64)), MrcMode.FLOAT32, 1.0);
        Micrograph m = new Micrograph(1, file.toString(), 64, 64, 1.0, null, null, Map.of());
        TestRun run = TestRun.of(XmippProtExtractParticles.DESCRIPTOR, dir, Map.of("doFlip", true),
                Map.of("inputCoordinates", List.of(new Coordinate(1, 1, 32, 32, 1, 32, Map.of()))));
        ItemResult r = new XmippProtExtractParticles().open(run).process(run, m);
        assertEquals(ItemResult.Kind.FAILED, r.kind());
        assertTrue(r.reason().contains("ctfRelations"), r.reason());
    }
}
