package org.scipionj.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.Session;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.importer.internal.ProtImportMovies;
import org.scipionj.web.internal.WebFront;

import com.sun.net.httpserver.HttpServer;

/**
 * The web API under load: {@code clients} concurrent HTTP clients (50 by default, loopback only) poll the JSON
 * API of a project while it streams {@code items} movies through the import and two pass-through runs, each
 * client alternating the project's status and the next page of its output items ("after cursor"), one request
 * every {@code interval} ms (1500 by default, as the pages do; interval=100 is a stress test). Reports request latency (p50/p99) and the processing throughput with the load
 * against the same project without it (run before and after, averaged). Bounded: at most {@code seconds} per
 * project and {@code maxRequests} requests in all.
 * <p>
 * NB: the web layer ({@link WebFront}, the same code the servlet runs) is served here by the JDK's HTTP server
 * in the benchmark's JVM, not by Felix HTTP/Jetty: what is measured is the API's cost to the engine sharing the
 * machine. Not a test: asserts nothing. Run with {@code ./scipion bench web [items=N] [clients=N] [interval=MS]}.
 */
public final class WebBenchmark {

    private WebBenchmark() {
    }

    static void run(Map<String, String> opts) throws Exception {
        int items = Integer.parseInt(opts.getOrDefault("items", "4000"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
        int interval = Integer.parseInt(opts.getOrDefault("interval", "1500")); // NB: what the pages poll at
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "300"));
        int maxRequests = Integer.parseInt(opts.getOrDefault("maxRequests", "1000000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path dir = Files.createTempDirectory("scipionj-webbench");
        System.out.printf("Scipion-J web benchmark: %d items, %d clients polling every %d ms, %d threads, %d cores, Java %s%n",
                items, clients, interval, threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try {
            DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
            registry.add(new ProtImportMovies(), "import");
            registry.add(new PassThrough("BenchPassA", lat -> { }), "bench");
            registry.add(new PassThrough("BenchPassB", lat -> { }), "bench");
            DefaultProjectService projects = new DefaultProjectService(dir.resolve("userdata"), registry, threads);
            writeMovies(dir.resolve("movies"), items);
            System.out.printf("warm-up (not counted): %.0f items/s%n", process(projects, dir, "warmup", seconds, null));
            double before = process(projects, dir, "quiet1", seconds, null);
            System.out.printf("without load: %.0f items/s%n", before);
            Load load = new Load(projects, clients, interval, maxRequests);
            double loaded = process(projects, dir, "loaded", seconds, load);
            System.out.printf("with load:    %.0f items/s%n", loaded);
            double after = process(projects, dir, "quiet2", seconds, null);
            System.out.printf("without load: %.0f items/s (again)%n", after);
            double baseline = (before + after) / 2;
            long[] lat = load.latencies();
            System.out.printf("API under load: %d requests (%d errors) in %.1f s = %.0f req/s; latency p50 %.2f ms, p90 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms%n", lat.length, load.errors.get(), load.seconds, lat.length / load.seconds,
                    ms(lat, 0.5), ms(lat, 0.9), ms(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
            System.out.printf("throughput drop under load: %.1f %% (goal < 10 %%; baseline = mean of the two quiet runs, "
                    + "which differ by %.1f %%)%n", 100 * (1 - loaded / baseline), 100 * Math.abs(before - after) / baseline);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Processes the movies in a new project (with the load running, if any) and returns items/s at the last run. */
    private static double process(DefaultProjectService projects, Path dir, String name, int seconds, Load load)
            throws Exception {
        String workflow = """
                [{"object.className": "ProtImportMovies", "object.id": "1", "filesPath": "%s", "filesPattern": "*.mrc",
                  "samplingRate": 1.0, "dataStreaming": false, "fileTimeout": 0, "timeout": 3},
                 {"object.className": "BenchPassA", "object.id": "2", "inputMovies": "1.outputMovies"},
                 {"object.className": "BenchPassB", "object.id": "3", "inputMovies": "2.outputMovies"}]
                """.formatted(dir.resolve("movies"));
        try (Project p = projects.create(name, workflow, "benchmark")) {
            p.schedule();
            if (load != null) {
                load.start(name);
            }
            long t0 = System.nanoTime();
            Session s = p.start();
            boolean ended = s.awaitEnd(Duration.ofSeconds(seconds));
            double wall = (System.nanoTime() - t0) / 1e9;
            if (load != null) {
                load.stop();
            }
            long done = p.run(3).map(r -> r.done()).orElse(0L);
            if (!ended) {
                s.shutdown();
                System.out.printf("  %s: stopped after %d s with %d items through%n", name, seconds, done);
            }
            return done / wall;
        }
    }

    /** The polling clients and the HTTP server they poll. */
    private static final class Load {
        private static final Pattern NEXT = Pattern.compile("\"next\":(\\d+)");
        final DefaultProjectService projects;
        final int clients;
        final int interval;
        final int maxRequests;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final List<long[]> samples = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        HttpServer server;
        // NB: one client object, many connections: 50 clients' own selector threads would load the machine too
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        WebFront front;
        ExecutorService pool;
        ExecutorService serverPool;
        double seconds;
        long started;

        Load(DefaultProjectService projects, int clients, int interval, int maxRequests) {
            this.projects = projects;
            this.clients = clients;
            this.interval = interval;
            this.maxRequests = maxRequests;
        }

        void start(String project) throws IOException {
            front = new WebFront(projects);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            serverPool = Executors.newFixedThreadPool(8);
            server.setExecutor(serverPool);
            server.createContext("/", exchange -> {
                WebFront.Answer a = front.answer(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), "");
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                exchange.sendResponseHeaders(a.status(), a.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                }
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/projects/" + project;
            running.set(true);
            pool = Executors.newFixedThreadPool(clients);
            started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                long[] mine = new long[200_000];
                synchronized (samples) {
                    samples.add(mine);
                    counts.add(0);
                }
                int index = c;
                pool.submit(() -> poll(base, mine, index));
            }
        }

        private void poll(String base, long[] mine, int index) {
            long cursor = 0;
            int n = 0;
            try {
                while (running.get() && requests.incrementAndGet() <= maxRequests && n < mine.length) {
                    String uri = n % 2 == 0 ? base : base + "/sets/1.outputMovies/items?after=" + cursor + "&limit=100";
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        mine[n++] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (uri != base) {
                            Matcher m = NEXT.matcher(r.body());
                            if (m.find()) {
                                cursor = Long.parseLong(m.group(1));
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    if (interval > 0) {
                        Thread.sleep(interval);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (samples) {
                    counts.set(index, n);
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            seconds = (System.nanoTime() - started) / 1e9;
            server.stop(0);
            serverPool.shutdown();
            front.close();
        }

        long[] latencies() {
            synchronized (samples) {
                long[] all = new long[counts.stream().mapToInt(Integer::intValue).sum()];
                int k = 0;
                for (int i = 0; i < samples.size(); i++) {
                    System.arraycopy(samples.get(i), 0, all, k, counts.get(i));
                    k += counts.get(i);
                }
                Arrays.sort(all);
                return all;
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** Tiny valid MRC movies (1x1x1 float32). */
    private static void writeMovies(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        ByteBuffer h = ByteBuffer.allocate(1028).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 1).putInt(4, 1).putInt(8, 1).putInt(12, 2).putInt(28, 1).putInt(32, 1).putInt(36, 1);
        h.putFloat(40, 1).putFloat(44, 1).putFloat(48, 1);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII)).put(212, (byte) 0x44).put(213, (byte) 0x44);
        for (int i = 0; i < n; i++) {
            Files.write(folder.resolve(String.format("m%07d.mrc", i)), h.array());
        }
    }
}
