package org.scipionj.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.Acquisition;
import org.scipionj.simulator.internal.MovieSimulator;

/**
 * Times the acquisition simulator ({@code scipion testdata}) on one movie per preset: drawing its parameters, the
 * simulation alone (frames rendered and dropped), and simulation plus writing the file as {@code testdata} does
 * (atomic write to a temporary folder, deleted afterwards). Reports wall-clock time, process CPU time (steadier on a
 * shared machine), per-frame time and the largest heap in use while rendering. Run with
 * {@code ./scipion bench simulator [presets=falcon4,small] [format=mrc-int16] [write=true]}. Not a test: it asserts
 * nothing and prints figures.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    static void run(Map<String, String> options) throws Exception {
        String[] presets = options.getOrDefault("presets", "falcon4,small").split(",");
        String format = options.get("format");
        boolean write = Boolean.parseBoolean(options.getOrDefault("write", "true"));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Scipion-J simulator benchmark: one movie per preset, Java %s, %d cores, max heap %d MiB%n",
                System.getProperty("java.version"), cores, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-8s %-16s %-12s %10s %12s %12s %12s %14s%n", "preset", "size", "format", "plan s",
                "simulate s", "CPU s", "per frame s", "peak heap MiB");
        // warm the JIT on a tiny movie so that the first preset is not charged for compilation
        render(SimulationOptions.builder(Preset.SMALL).size(256, 256).frames(4).particleDiameter_A(60).build());
        for (String id : presets) {
            SimulationOptions.Builder b = SimulationOptions.builder(Preset.fromId(id.trim()));
            if (format != null) {
                b.format(OutputFormat.fromId(format));
            }
            SimulationOptions o = b.build();
            double[] r = render(o);
            System.out.printf("%-8s %-16s %-12s %10.2f %12.1f %12.1f %12.3f %14d%n", o.preset().id(),
                    o.width() + "x" + o.height() + "x" + o.frames(), "(not written)", r[0], r[1], r[2],
                    r[1] / o.frames(), (long) r[3]);
            if (write) {
                double[] w = writeOne(o);
                System.out.printf("%-8s %-16s %-12s %10s %12.1f %12.1f %12.3f %14s   %.0f MiB written%n",
                        o.preset().id(), o.width() + "x" + o.height() + "x" + o.frames(), o.format().id(), "-", w[0],
                        w[1], w[0] / o.frames(), "-", w[2]);
            }
        }
    }

    /** {plan s, render s, process CPU s, peak heap MiB}. */
    private static double[] render(SimulationOptions o) throws Exception {
        System.gc();
        MovieSimulator sim = new MovieSimulator(o);
        long t0 = System.nanoTime();
        MovieTruth truth = sim.plan(1, "movie_0001" + o.format().extension(), "now", "gain.mrc", "defects.txt");
        long t1 = System.nanoTime();
        long c0 = cpu();
        long[] peak = {0};
        sim.render(truth, (t, counts) -> peak[0] = Math.max(peak[0], usedHeap()));
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu() - c0) / 1e9, peak[0] / 1048576.0};
    }

    /** {seconds, process CPU seconds, MiB written} for one movie written by the testdata acquisition. */
    private static double[] writeOne(SimulationOptions o) throws Exception {
        Path dir = Files.createTempDirectory("scipion-bench-simulator");
        try {
            System.gc();
            long c0 = cpu();
            long t0 = System.nanoTime();
            new Acquisition(o.toBuilder().gain(false).build(), dir,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
            long t1 = System.nanoTime();
            double mib = Files.size(dir.resolve(Acquisition.movieName(1, o))) / 1048576.0;
            return new double[] {(t1 - t0) / 1e9, (cpu() - c0) / 1e9, mib};
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
