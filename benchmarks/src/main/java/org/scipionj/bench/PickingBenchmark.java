package org.scipionj.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.scipionj.eman.internal.BlobPicker;
import org.scipionj.eman.internal.ExtractionSettings;
import org.scipionj.eman.internal.ParticleExtractor;
import org.scipionj.eman.internal.Pick;
import org.scipionj.eman.internal.PickerSettings;
import org.scipionj.eman.internal.PickingScore;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.Fft;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Particle;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.MovieSimulator;

/**
 * Picking and extraction (plugin-eman) on simulated micrographs with known particle centres. A micrograph is the
 * sum of a perfectly motion-corrected movie: the simulator's noise-free image with the whole dose, no drift, no
 * gain, then Poisson counts drawn here, so the dose and the particles' contrast can be varied on one specimen
 * ({@code contrast} c: image = ice + c x (particles); 1 is the simulator's). Reports, with the picker's defaults
 * (particle size = the true diameter, threshold 4): precision, recall and F1 at a match radius of a quarter
 * diameter, pooled over the micrographs, for a grid of doses and contrasts on {@code small}; F1 and picking time per
 * micrograph (median, picking only, the micrograph in memory) on {@code falcon4} with {@code threads} FFT threads;
 * extraction centring against the ground truth (image = projected density, see ExtractionTest) and time.
 * Run with {@code ./scipion bench picking [count=4] [falcon4=2] [threads=2] [doses=48,24,12,6,3]
 * [contrasts=1,0.7,0.5,0.35]}. Not a test: it asserts nothing and prints figures.
 */
public final class PickingBenchmark {

    private PickingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        run(options);
    }

    static void run(Map<String, String> options) throws Exception {
        int count = Integer.parseInt(options.getOrDefault("count", "4"));
        int falcon = Integer.parseInt(options.getOrDefault("falcon4", "2"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        double[] doses = doubles(options.getOrDefault("doses", "48,24,12,6,3"));
        double[] contrasts = doubles(options.getOrDefault("contrasts", "1,0.7,0.5,0.35"));
        Fft.setThreads(threads);
        System.out.printf(Locale.ROOT, "Scipion-J picking benchmark: Java %s, %d cores, %d FFT threads%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads);

        // 1. small preset: F1 against dose and contrast
        SimulationOptions small = options(Preset.SMALL, 1024, 150).build();
        List<Specimen> specimens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            specimens.add(Specimen.render(small, i));
        }
        System.out.printf(Locale.ROOT, "%nsmall (1024x1024, 1.0 A/px, %.0f A particles = %.0f px), %d micrographs, "
                + "%d particles; F1 (precision/recall) at radius d/4:%n", 150.0, specimens.get(0).diameter,
                count, specimens.stream().mapToInt(s -> s.centres.size()).sum());
        System.out.printf("%-22s", "dose e/A2 \\ contrast");
        for (double c : contrasts) {
            System.out.printf(Locale.ROOT, "%22s", "x" + c);
        }
        System.out.println();
        double defaultDose = small.dosePerFrame_ePerA2();
        for (double dose : doses) {
            System.out.printf(Locale.ROOT, "%-22s", dose);
            for (double c : contrasts) {
                PickingScore total = new PickingScore(0, 0, 0, 0);
                for (Specimen s : specimens) {
                    Frame mic = s.micrograph(c, dose / defaultDose, 99);
                    List<Pick> picks = new BlobPicker(PickerSettings.forDiameter(s.diameter).withThreshold(4))
                            .pick(mic);
                    total = total.plus(PickingScore.of(picks, s.centres, s.diameter / 4));
                }
                System.out.printf(Locale.ROOT, "%22s", String.format(Locale.ROOT, "%.3f (%.2f/%.2f)", total.f1(),
                        total.precision(), total.recall()));
            }
            System.out.println();
        }

        // 2. falcon4: F1 and time
        if (falcon > 0) {
            SimulationOptions f4 = options(Preset.FALCON4, 4096, 150).build();
            PickingScore total = new PickingScore(0, 0, 0, 0);
            List<Double> times = new ArrayList<>();
            List<Double> cpuTimes = new ArrayList<>();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double diameter = 0;
            for (int i = 1; i <= falcon; i++) {
                Specimen s = Specimen.render(f4, i);
                diameter = s.diameter;
                Frame mic = s.micrograph(1, 1, 7);
                BlobPicker picker = new BlobPicker(PickerSettings.forDiameter(s.diameter).withThreshold(4));
                List<Pick> picks = picker.pick(mic);
                for (int r = 0; r < 5; r++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    picker.pick(mic);
                    times.add((System.nanoTime() - t0) / 1e6);
                    cpuTimes.add((os.getProcessCpuTime() - c0) / 1e6);
                }
                total = total.plus(PickingScore.of(picks, s.centres, s.diameter / 4));
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] c = cpuTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%nfalcon4 (4096x4096, 0.83 A/px, %.0f px particles, %.0f e/A2), %d "
                    + "micrographs: %s%npicking time per micrograph, %d threads: median %.0f ms, min %.0f ms, max "
                    + "%.0f ms (%d runs); process CPU time per micrograph: median %.0f ms (load average %.1f on %d "
                    + "cores)%n", diameter, f4.dosePerFrame_ePerA2(), falcon, total, threads, t[t.length / 2], t[0],
                    t[t.length - 1], t.length, c[c.length / 2], os.getSystemLoadAverage(), os.getAvailableProcessors());
        }

        // 3. extraction centring against the ground truth, falcon4 size
        SimulationOptions truth = options(Preset.FALCON4, 4096, 150).defocus_um(0, 0).astigmatism_A(0)
                .sphericalAberration_mm(0).amplitudeContrast(0.5).bFactor_A2(0).particles(40).build();
        Specimen s = Specimen.render(truth, 1);
        Frame density = s.particlesOnly();
        int box = 256;
        double radius = 0.6 * s.diameter;
        ParticleExtractor ex = new ParticleExtractor(new ExtractionSettings(box, 1, true, true, 2, radius, 0));
        double error = 0;
        int n = 0;
        List<Frame> boxes = new ArrayList<>();
        for (double[] c : s.centres) {
            ex.extract(density, c[0], c[1]); // NB: warm-up
        }
        long t0 = System.nanoTime();
        for (double[] c : s.centres) {
            boxes.add(ex.extract(density, c[0], c[1]));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        for (Frame p : boxes) {
            if (p != null) {
                double[] e = centroid(p, radius);
                error += Math.hypot(e[0], e[1]);
                n++;
            }
        }
        ParticleExtractor down = new ParticleExtractor(new ExtractionSettings(128, 2, true, true, 2, radius / 2, 0));
        double errorDown = 0;
        for (double[] c : s.centres) {
            Frame p = down.extract(density, c[0], c[1]);
            if (p != null) {
                double[] e = centroid(p, radius / 2);
                errorDown += 2 * Math.hypot(e[0], e[1]);
            }
        }
        System.out.printf(Locale.ROOT, "%nextraction centring (ground truth: density centroid of each box, %d "
                + "isolated %.0f px particles on a 4096x4096 micrograph): mean %.3f px (box %d); with downFactor 2 "
                + "(box 128) mean %.3f px in micrograph pixels; extraction %.1f ms per particle (box %d, Ramp)%n", n,
                s.diameter, error / n, box, errorDown / n, ms / s.centres.size(), box);
    }

    static SimulationOptions.Builder options(Preset preset, int size, double diameterA) {
        return SimulationOptions.builder(preset).width(size).height(size).frames(1)
                .dosePerFrame_ePerA2(preset.dosePerFrame_ePerA2() * preset.frames()).drift_px(0).localMotion_px(0)
                .gain(false).particleDiameter_A(diameterA).noise(false).format(OutputFormat.MRC_FLOAT32);
    }

    /** A simulated specimen: noise-free expected counts with and without its particles, and the true centres. */
    private record Specimen(float[] withParticles, float[] withoutParticles, int width, int height,
                            List<double[]> centres, double diameter) {

        static Specimen render(SimulationOptions o, int index) throws java.io.IOException {
            float[] with = image(o, index);
            float[] without = image(o.toBuilder().particles(0).build(), index);
            MovieTruth t = new MovieSimulator(o).plan(index, "m.mrc", "2026-01-01T00:00:00Z", null, null);
            List<double[]> centres = new ArrayList<>();
            for (Particle p : t.particles().centres()) {
                centres.add(new double[] {p.x_px(), p.y_px()});
            }
            return new Specimen(with, without, o.width(), o.height(), centres, t.particles().diameter_px());
        }

        private static float[] image(SimulationOptions o, int index) throws java.io.IOException {
            MovieSimulator sim = new MovieSimulator(o);
            MovieTruth t = sim.plan(index, "m.mrc", "2026-01-01T00:00:00Z", null, null);
            float[] out = new float[o.width() * o.height()];
            sim.render(t, (f, counts) -> System.arraycopy(counts, 0, out, 0, counts.length));
            return out;
        }

        /** Poisson counts of {@code ice + contrast x particles}, the expected counts scaled by {@code doseScale}. */
        Frame micrograph(double contrast, double doseScale, long seed) {
            Frame f = new Frame(width, height);
            float[] d = f.data();
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < d.length; i++) {
                double mu = doseScale * (withoutParticles[i] + contrast * (withParticles[i] - withoutParticles[i]));
                d[i] = poisson(r, Math.max(0, mu));
            }
            return f;
        }

        Frame particlesOnly() {
            Frame f = new Frame(width, height);
            for (int i = 0; i < withParticles.length; i++) {
                f.data()[i] = withParticles[i] - withoutParticles[i];
            }
            return f;
        }
    }

    private static float poisson(SplittableRandom r, double mu) {
        if (mu > 30) {
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            return (float) Math.max(0, Math.round(mu + Math.sqrt(mu) * g));
        }
        double l = Math.exp(-mu);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    /** Centroid of {@code box} over the circle of {@code radius}, relative to the centre pixel. */
    private static double[] centroid(Frame box, double radius) {
        int n = box.width();
        double c = n / 2;
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.hypot(x - c, y - c) <= radius) {
                    double v = box.get(x, y);
                    sx += v * x;
                    sy += v * y;
                    s += v;
                }
            }
        }
        return new double[] {sx / s - c, sy / s - c};
    }

    private static double[] doubles(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
