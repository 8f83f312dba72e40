package org.scipionj.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.Session;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;

/**
 * Pushes many movie files through the streaming import and two pass-through protocols, then reports the
 * per-item overhead, whether throughput stays flat (last 10,000 items against the first 10,000) and the latency
 * from an upstream commit to the downstream run starting on the item. Run with {@code ./scipion bench}.
 * Not a test: it asserts nothing and prints figures.
 */
public final class StreamingBenchmark {

    private StreamingBenchmark() {
    }

    static void run(Map<String, String> opts) throws Exception {
        int items = Integer.parseInt(opts.getOrDefault("items", "100000"));
        int trickle = Integer.parseInt(opts.getOrDefault("trickle", "1000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path dir = Files.createTempDirectory("scipionj-bench");
        System.out.printf("Scipion-J streaming benchmark: %d items, %d threads, Java %s, %d cores, in %s%n", items, threads,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), dir);
        try {
            throughput(dir, items, threads);
            latency(dir, trickle, threads);
        } finally {
            deleteTree(dir);
        }
    }

    private static void throughput(Path dir, int n, int threads) throws Exception {
        Path movies = dir.resolve("movies");
        long t0 = System.nanoTime();
        writeMovies(movies, 0, n, 0);
        System.out.printf("wrote %d movie files in %.1f s%n", n, secs(System.nanoTime() - t0));

        long[] arrivals = new long[n];
        long[] latencies = new long[n];
        AtomicInteger count = new AtomicInteger();
        DefaultProtocolRegistry registry = registry(lat -> {
            int i = count.getAndIncrement();
            if (i < n) {
                arrivals[i] = System.nanoTime();
                latencies[i] = lat;
            }
        });
        DefaultProjectService projects = new DefaultProjectService(dir.resolve("userdata"), registry, threads);
        try (Project p = projects.create("throughput", workflow(movies, false), "benchmark")) {
            p.schedule();
            long start = System.nanoTime();
            Session s = p.start();
            s.awaitEnd(Duration.ofHours(2));
            long wall = System.nanoTime() - start;
            for (RunInfo r : p.runs()) {
                System.out.printf("  run %d %-18s %-9s done %d failed %d%n", r.id(), r.className(), r.status().label(),
                        r.done(), r.failed());
            }
            int got = Math.min(count.get(), n);
            System.out.printf("pipeline: %d items through 3 runs in %.2f s = %.0f items/s end to end%n", got,
                    secs(wall), got / secs(wall));
            System.out.printf("per-item engine overhead: %.1f µs per item per run (wall time / (items x 3 runs))%n",
                    wall / 1e3 / (got * 3.0));
            if (got >= 20_000) {
                double first = secs(arrivals[9_999] - arrivals[0]);
                double last = secs(arrivals[got - 1] - arrivals[got - 10_000]);
                System.out.printf("first 10,000 items at the last run: %.2f s; last 10,000: %.2f s; ratio %.2f (goal ≤ 1.2)%n",
                        first, last, last / first);
            }
            report("commit → downstream start, under full load", Arrays.copyOf(latencies, got));
        }
    }

    private static void latency(Path dir, int n, int threads) throws Exception {
        Path movies = dir.resolve("trickle");
        Files.createDirectories(movies);
        long[] latencies = new long[n];
        AtomicInteger count = new AtomicInteger();
        DefaultProtocolRegistry registry = registry(lat -> {
            int i = count.getAndIncrement();
            if (i < n) {
                latencies[i] = lat;
            }
        });
        DefaultProjectService projects = new DefaultProjectService(dir.resolve("userdata2"), registry, threads);
        try (Project p = projects.create("latency", workflow(movies, true), "benchmark")) {
            p.schedule();
            Session s = p.start();
            writeMovies(movies, 0, n, 2);
            s.awaitEnd(Duration.ofMinutes(10));
            report("commit → downstream start, items arriving one by one (" + n + " files, 2 ms apart)",
                    Arrays.copyOf(latencies, Math.min(count.get(), n)));
        }
    }

    private static DefaultProtocolRegistry registry(java.util.function.LongConsumer atLast) {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import");
        registry.add(new PassThrough("BenchPassA", lat -> { }), "bench");
        registry.add(new PassThrough("BenchPassB", atLast), "bench");
        return registry;
    }

    private static String workflow(Path movies, boolean streaming) {
        return """
                [{"object.className": "ProtImportMovies", "object.id": "1", "filesPath": "%s", "filesPattern": "*.mrc",
                  "samplingRate": 1.0, "dataStreaming": %s, "fileTimeout": 0, "timeout": 3},
                 {"object.className": "BenchPassA", "object.id": "2", "inputMovies": "1.outputMovies"},
                 {"object.className": "BenchPassB", "object.id": "3", "inputMovies": "2.outputMovies"}]
                """.formatted(movies, streaming);
    }

    private static void report(String what, long[] nanos) {
        long[] valid = Arrays.stream(nanos).filter(v -> v >= 0).sorted().toArray();
        if (valid.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples; goal: median < 100 ms)%n",
                what, ms(valid, 0.5), ms(valid, 0.9), ms(valid, 0.99), valid[valid.length - 1] / 1e6, valid.length);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    /** Tiny valid MRC movies (1x1x1 float32), {@code pauseMillis} apart. */
    private static void writeMovies(Path folder, int from, int to, long pauseMillis) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        ByteBuffer h = ByteBuffer.allocate(1028).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 1).putInt(4, 1).putInt(8, 1).putInt(12, 2).putInt(28, 1).putInt(32, 1).putInt(36, 1);
        h.putFloat(40, 1).putFloat(44, 1).putFloat(48, 1);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII)).put(212, (byte) 0x44).put(213, (byte) 0x44);
        byte[] bytes = h.array();
        for (int i = from; i < to; i++) {
            Path tmp = folder.resolve(String.format(".m%07d.tmp", i));
            Files.write(tmp, bytes);
            Files.move(tmp, folder.resolve(String.format("m%07d.mrc", i)));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
