package org.scipionj.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.ctffind.internal.CistemProtCTFFind;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.simulator.CtfTruth;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.MovieSimulator;
import org.scipionj.testing.TestRun;

/**
 * CTF estimation ({@code CistemProtCTFFind}, native) against the simulator's ground truth, through the protocol's
 * own per-item path (read the MRC, estimate, write every output file), with default parameters:
 * <ol>
 * <li>accuracy on {@code falcon4} micrographs (4096², 0.83 Å/px) with defocus 5000–30000 Å and astigmatism
 * 0–1500 Å: |Δ mean defocus| (median, maximum; goals ≤ 0.5 % and ≤ 2 %) and the astigmatism angle error where
 * the astigmatism is at least 500 Å (median; goal ≤ 3°);</li>
 * <li>fit resolution against the simulated B-factor (the same micrographs rendered with each B): it should grow
 * with B;</li>
 * <li>the same accuracy figures on {@code small} preset micrographs (1024², 1 Å/px);</li>
 * <li>time per 4096² micrograph on {@code threads} threads (goal ≤ 2 s), wall clock and process CPU time (on a
 * shared machine the CPU time divided by the threads is the steadier figure), with where the time goes.</li>
 * </ol>
 * A micrograph is the sum of an acquisition without motion: drift and local motion are off, so the sum of the
 * frames is the image itself with Poisson noise at the total dose (40 e/Å² for falcon4); it is rendered as one
 * frame of that dose, which has the same distribution as the sum of 40 frames and is 40 times cheaper. Gain is off.
 * Run with {@code ./scipion bench ctffind [count=20] [small=10] [bfactors=30,60,120,240] [bcount=3] [speed=6]
 * [threads=2] [seed=1] [out=DIR] [keep=false]}. Not a test: it asserts nothing and prints figures.
 */
public final class CtfBenchmark {

    private CtfBenchmark() {
    }

    static void run(Map<String, String> options) throws Exception {
        int count = Integer.parseInt(options.getOrDefault("count", "20"));
        int small = Integer.parseInt(options.getOrDefault("small", "10"));
        int bcount = Integer.parseInt(options.getOrDefault("bcount", "3"));
        int speed = Integer.parseInt(options.getOrDefault("speed", "6"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
        double[] bfactors = Arrays.stream(options.getOrDefault("bfactors", "30,60,120,240").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        Path out = options.containsKey("out") ? Path.of(options.get("out"))
                : Files.createTempDirectory("scipionj-ctf-bench");
        Files.createDirectories(out);
        System.setProperty("java.awt.headless", "true");
        Fft.setThreads(threads);
        System.out.printf(Locale.ROOT, "Scipion-J CTF benchmark (CistemProtCTFFind, native, default parameters), Java %s,"
                + " %d cores, %d threads; files in %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), threads, out);
        Bench bench = new Bench(out, threads, keep);
        try {
            if (count > 0) {
                System.out.printf("%n1. Accuracy: %d falcon4 micrographs, defocus 5000-30000 Å, astigmatism 0-1500 Å, "
                        + "B 60 Å², 40 e/Å²%n", count);
                bench.accuracy(falcon4(seed, 60), count);
            }
            if (bcount > 0 && bfactors.length > 1) {
                System.out.printf("%n2. Fit resolution against the B-factor (%d falcon4 micrographs, each rendered with"
                        + " B = %s Å²)%n", bcount, options.getOrDefault("bfactors", "30,60,120,240"));
                bench.bfactors(seed, bfactors, bcount);
            }
            if (small > 0) {
                System.out.printf("%n3. Accuracy: %d small-preset micrographs (1024², 1 Å/px, 48 e/Å²), defocus "
                        + "5000-30000 Å, astigmatism 0-1500 Å, B 60 Å²%n", small);
                SimulationOptions o = base(Preset.SMALL, seed + 1000, 60).dosePerFrame_ePerA2(48).build();
                bench.accuracy(o, small);
            }
            if (speed > 0) {
                System.out.printf("%n4. Speed: %d falcon4 micrographs (4096²), %d threads, the first one as warm-up%n",
                        speed + 1, threads);
                bench.speed(falcon4(seed + 2000, 60), speed + 1);
            }
        } finally {
            if (!keep && !options.containsKey("out")) {
                try (var files = Files.walk(out)) {
                    files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static SimulationOptions.Builder base(Preset preset, long seed, double bFactor) {
        return SimulationOptions.builder(preset).seed(seed).frames(1).drift_px(0).localMotion_px(0).gain(false)
                .noise(true).format(org.scipionj.simulator.OutputFormat.MRC_FLOAT32).defocus_um(0.5, 3.0)
                .astigmatism_A(1500).bFactor_A2(bFactor);
    }

    private static SimulationOptions falcon4(long seed, double bFactor) {
        return base(Preset.FALCON4, seed, bFactor).dosePerFrame_ePerA2(40).build();
    }

    /** Simulates, processes and reports micrographs; holds the protocol run. */
    private static final class Bench {

        private final Path out;
        private final int threads;
        private final boolean keep;

        Bench(Path out, int threads, boolean keep) {
            this.out = out;
            this.threads = threads;
            this.keep = keep;
        }

        /** One processed micrograph. */
        record Result(MovieTruth truth, CtfModel fit, double wall_ms, double cpu_ms, List<String> log) {

            double meanError() {
                CtfTruth t = truth.ctf();
                double trueMean = (t.defocusU_A() + t.defocusV_A()) / 2;
                return ((fit.defocusU_A() + fit.defocusV_A()) / 2 - trueMean) / trueMean;
            }

            double astigmatism() {
                return truth.ctf().defocusU_A() - truth.ctf().defocusV_A();
            }

            double angleError() {
                double d = Math.abs(fit.defocusAngle_deg() - truth.ctf().defocusAngle_deg()) % 180;
                return Math.min(d, 180 - d);
            }
        }

        Result process(SimulationOptions options, int index) throws Exception {
            MovieSimulator simulator = new MovieSimulator(options);
            String name = String.format(Locale.ROOT, "%s_%04d_B%.0f", options.preset().id(), index,
                    options.bFactor_A2());
            MovieTruth truth = simulator.plan(index, name + ".mrc", "2026-01-01T00:00:00Z", null, null);
            float[] sum = new float[options.width() * options.height()];
            simulator.render(truth, (t, counts) -> {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += counts[i];
                }
            });
            Path file = out.resolve(name + ".mrc");
            MrcFiles.write(file, List.of(new Frame(options.width(), options.height(), sum)), MrcMode.FLOAT32,
                    options.pixelSize_A());
            Acquisition acq = new Acquisition(truth.optics().voltage_kV(), truth.optics().sphericalAberration_mm(),
                    truth.optics().amplitudeContrast(), 0);
            Micrograph mic = new Micrograph(index, file.toString(), options.width(), options.height(),
                    options.pixelSize_A(), acq, null, Map.of());
            CistemProtCTFFind protocol = new CistemProtCTFFind("");
            TestRun context = TestRun.of(protocol.descriptor(), out, Map.of()).withThreads(threads);
            ItemResult result;
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0;
            long t0;
            long t1;
            long c1;
            try (ItemProcessor processor = protocol.open(context)) {
                c0 = os.getProcessCpuTime();
                t0 = System.nanoTime();
                result = processor.process(context, mic);
                t1 = System.nanoTime();
                c1 = os.getProcessCpuTime();
            }
            if (!keep) {
                Files.deleteIfExists(file);
            }
            if (result.kind() != ItemResult.Kind.DONE) {
                throw new IllegalStateException(name + ": " + result.reason());
            }
            CtfModel fit = (CtfModel) result.outputs().get("outputCTF").get(0);
            return new Result(truth, fit, (t1 - t0) / 1e6, (c1 - c0) / 1e6, context.log);
        }

        void accuracy(SimulationOptions options, int count) throws Exception {
            System.out.printf("%4s %9s %9s %6s | %9s %9s %6s | %8s %7s %7s %8s %7s%n", "#", "true U", "true V",
                    "angle", "fit U", "fit V", "angle", "Δmean %", "Δangle", "res Å", "score", "ms");
            List<Result> results = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Result r = process(options, i);
                results.add(r);
                CtfTruth t = r.truth.ctf();
                System.out.printf(Locale.ROOT, "%4d %9.1f %9.1f %6.1f | %9.1f %9.1f %6.1f | %+8.3f %7.2f %7.2f %8.4f "
                        + "%7.0f%s%n", i, t.defocusU_A(), t.defocusV_A(), t.defocusAngle_deg(), r.fit.defocusU_A(),
                        r.fit.defocusV_A(), r.fit.defocusAngle_deg(), 100 * r.meanError(),
                        r.astigmatism() >= 500 ? r.angleError() : Double.NaN, r.fit.resolution_A(), r.fit.fitQuality(),
                        r.wall_ms, r.fit.attributes().containsKey("failure") ? "  NO FIT" : "");
            }
            double[] errors = results.stream().mapToDouble(r -> 100 * Math.abs(r.meanError())).toArray();
            double[] angles = results.stream().filter(r -> r.astigmatism() >= 500).mapToDouble(Result::angleError)
                    .toArray();
            System.out.printf(Locale.ROOT, "|Δ mean defocus|: median %.3f %% (goal <= 0.5 %%), max %.3f %% (goal: none "
                    + "> 2 %%); astigmatism angle error where astigmatism >= 500 Å (%d micrographs): median %.2f° "
                    + "(goal <= 3°), max %.2f°%n", median(errors), max(errors), angles.length, median(angles),
                    max(angles));
        }

        void bfactors(long seed, double[] bfactors, int count) throws Exception {
            StringBuilder header = new StringBuilder(String.format("%4s %9s", "#", "mean df"));
            for (double b : bfactors) {
                header.append(String.format(Locale.ROOT, " %10s", "B " + (int) b));
            }
            System.out.println(header + "  (fit resolution, Å)");
            double[][] res = new double[count][bfactors.length];
            int monotonic = 0;
            for (int i = 1; i <= count; i++) {
                StringBuilder line = new StringBuilder();
                double mean = 0;
                for (int j = 0; j < bfactors.length; j++) {
                    Result r = process(falcon4(seed + 3000, bfactors[j]), i);
                    res[i - 1][j] = r.fit.resolution_A();
                    mean = (r.truth.ctf().defocusU_A() + r.truth.ctf().defocusV_A()) / 2;
                    line.append(String.format(Locale.ROOT, " %10.2f", res[i - 1][j]));
                }
                boolean up = true;
                for (int j = 1; j < bfactors.length; j++) {
                    up &= res[i - 1][j] >= res[i - 1][j - 1];
                }
                monotonic += up ? 1 : 0;
                System.out.printf(Locale.ROOT, "%4d %9.0f%s  %s%n", i, mean, line, up ? "monotonic" : "NOT monotonic");
            }
            StringBuilder medians = new StringBuilder();
            for (int j = 0; j < bfactors.length; j++) {
                final int c = j;
                medians.append(String.format(Locale.ROOT, " %10.2f",
                        median(Arrays.stream(res).mapToDouble(row -> row[c]).toArray())));
            }
            System.out.printf(Locale.ROOT, "%4s %9s%s  (median); resolution grows with B on %d of %d micrographs%n",
                    "", "", medians, monotonic, count);
        }

        void speed(SimulationOptions options, int count) throws Exception {
            double[] wall = new double[count - 1];
            double[] cpu = new double[count - 1];
            for (int i = 1; i <= count; i++) {
                Result r = process(options, 100 + i);
                String time = r.log.stream().filter(l -> l.startsWith("time:")).findFirst().orElse("");
                System.out.printf(Locale.ROOT, "%4d%s wall %7.0f ms, CPU %7.0f ms (%s)%n", i, i == 1 ? " (warm-up)" : "",
                        r.wall_ms, r.cpu_ms, time);
                if (i > 1) {
                    wall[i - 2] = r.wall_ms;
                    cpu[i - 2] = r.cpu_ms;
                }
            }
            System.out.printf(Locale.ROOT, "time per 4096x4096 micrograph, %d threads: median wall %.0f ms (min %.0f), "
                    + "median CPU %.0f ms = %.0f ms per thread (goal <= 2000 ms); load average %.1f on %d cores%n",
                    threads, median(wall), min(wall), median(cpu), median(cpu) / threads,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
