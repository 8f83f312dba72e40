package org.scipionj.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web server under load while it processes a real project: {@code scipion server} (Felix HTTP / Jetty, the
 * real runtime) runs the same preprocessing project (import → ProtMotionCorr → CistemProtCTFFind on
 * {@code movies} simulated 512² x 8-frame movies) again and again, alternately alone and with {@code clients}
 * HTTP clients (50) polling its JSON API every {@code interval} ms (1500, as the pages do) — quiet then loaded in odd
 * rounds, loaded then quiet in even ones, so a drift of the machine's other load does not favour one side.
 * <p>
 * Per project it prints the throughput (movies/min between the first import commit and the last CTF commit, from
 * the project database), the server's CPU seconds per movie ({@code /proc/PID/stat}: what the API costs the server
 * shows up here even when the wall clock is noisy), the clients' own CPU seconds, and the 1-minute load average
 * sampled during the run; then request latency p50/p90/p99 over all loaded runs, the median paired throughput
 * drop, and the server's extra CPU per API request (loaded minus quiet CPU for the same movies, over the requests
 * served), which with the request rate gives the share of the machine the API takes. Not a test: asserts nothing. Run it niced on a shared machine:
 * {@code nice -n 5 ./scipion bench web-server [movies=12] [clients=50] [interval=1500] [rounds=2]}.
 */
final class ServerLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerLoadBenchmark() {
    }

    /** One project run. */
    private record Result(String name, boolean loaded, long movies, double moviesPerMin, double serverCpuPerMovie,
                          double clientCpu, long requests, double load, double loadMin, double loadMax) {
    }

    static void run(Map<String, String> opts) throws Exception {
        int movies = Integer.parseInt(opts.getOrDefault("movies", "12"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
        int interval = Integer.parseInt(opts.getOrDefault("interval", "1500"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
        Path dist = Path.of(opts.getOrDefault("dist", defaultDistribution().toString())).toAbsolutePath();
        if (!Files.isRegularFile(dist.resolve("lib/launcher.jar"))) {
            throw new IllegalArgumentException("no assembled distribution at " + dist
                    + " (build it: mvn -o -q install -pl distribution -am -DskipTests, or pass dist=DIR)");
        }
        Path userData = Files.createTempDirectory("scipionj-serverbench");
        System.out.printf("Scipion-J server load benchmark: %d movies (512x512x8) per project, %d clients every %d ms, "
                + "%d rounds, %d cores, nice %s, Java %s%n", movies, clients, interval, rounds,
                Runtime.getRuntime().availableProcessors(), niceness(), System.getProperty("java.version"));
        try (ScipionServerProcess scipion = new ScipionServerProcess(dist, userData)) {
            Path staging = userData.resolve("movies");
            scipion.command("testdata", "--generate", "small", "--size", "512", "--frames", "8", "--dose", "6",
                    "--gain", "off", "--count", String.valueOf(movies), "--out", staging.toString());
            if (!Files.exists(dist.resolve("bundle").resolve("scipionj-plugin-ctffind-1.0.0-SNAPSHOT.jar"))) {
                scipion.command("installp", "-p", "motioncorr", "-p", "ctffind");
            }
            scipion.startServer();
            System.out.println("server " + scipion.url() + "; warm-up project with the clients (not counted)");
            PollingClients warmup = new PollingClients(clients, interval);
            project(scipion, userData, staging, "warmup", warmup);
            List<Result> results = new ArrayList<>();
            List<PollingClients> loads = new ArrayList<>();
            System.out.println("project        clients  movies  movies/min  server CPU s/movie  client CPU s  load avg (min-max)");
            for (int r = 1; r <= rounds; r++) {
                for (boolean loaded : r % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    PollingClients load = loaded ? new PollingClients(clients, interval) : null;
                    Result res = project(scipion, userData, staging, "r" + r + (loaded ? "-loaded" : "-quiet"), load);
                    results.add(res);
                    System.out.printf("%-14s %7d %7d %11.2f %19.2f %13.1f  %.1f (%.1f-%.1f)%n", res.name,
                            loaded ? clients : 0, res.movies, res.moviesPerMin, res.serverCpuPerMovie, res.clientCpu,
                            res.load, res.loadMin, res.loadMax);
                    if (load != null) {
                        loads.add(load);
                    }
                }
            }
            summary(results, loads, rounds);
        } finally {
            try (var walk = Files.walk(userData)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void summary(List<Result> results, List<PollingClients> loads, int rounds) {
        long[] all = loads.stream().map(PollingClients::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int errors = loads.stream().mapToInt(PollingClients::errors).sum();
        double seconds = loads.stream().mapToDouble(PollingClients::seconds).sum();
        System.out.printf("API under load: %d requests (%d errors), %.1f req/s; latency p50 %.1f ms, p90 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", all.length, errors, all.length / seconds, ms(all, 0.5), ms(all, 0.9),
                ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        loads.forEach(l -> l.errorKinds().forEach((k, n) -> System.out.printf("  failed: %d x %s%n", n, k)));
        double[] drops = new double[rounds];
        double[] cpu = new double[rounds];
        double[] perRequest = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Result quiet = results.stream().filter(x -> !x.loaded).skip(r).findFirst().orElseThrow();
            Result loaded = results.stream().filter(x -> x.loaded).skip(r).findFirst().orElseThrow();
            drops[r] = 100 * (1 - loaded.moviesPerMin / quiet.moviesPerMin);
            cpu[r] = 100 * (loaded.serverCpuPerMovie / quiet.serverCpuPerMovie - 1);
            // NB: the server's extra CPU in the loaded run, against the same movies processed alone, per request
            perRequest[r] = 1000 * (loaded.serverCpuPerMovie - quiet.serverCpuPerMovie) * loaded.movies
                    / Math.max(1, loaded.requests);
        }
        System.out.printf("throughput drop with the clients, per round: %s %%; median %.1f %%%n",
                format(drops), median(drops));
        System.out.printf("server CPU per movie with the clients, per round: %s %%; median %+.1f %%%n",
                format(cpu), median(cpu));
        double rate = all.length / seconds;
        System.out.printf("server CPU per API request (extra CPU / requests), per round: %s ms; median %.2f ms, i.e. "
                + "%.1f %% of %d cores at %.1f req/s%n", format(perRequest), median(perRequest),
                100 * median(perRequest) / 1000 * rate / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), rate);
    }

    /** Runs the preprocessing project {@code name} in the server, with {@code load} polling it if not null. */
    private static Result project(ScipionServerProcess scipion, Path userData, Path staging, String name,
                                  PollingClients load) throws Exception {
        Path workflow = userData.resolve(name + ".json");
        Files.writeString(workflow, """
                [{"object.className": "ProtImportMovies", "object.id": "2", "filesPath": "%s", "filesPattern": "movie_*.mrc",
                  "dataStreaming": false, "samplingRate": 1.0, "dosePerFrame": 6.0, "voltage": 300,
                  "sphericalAberration": 2.7, "amplitudeContrast": 0.07},
                 {"object.className": "ProtMotionCorr", "object.id": "3", "inputMovies": "2.outputMovies",
                  "patchX": 0, "patchY": 0, "numberOfThreads": 1},
                 {"object.className": "CistemProtCTFFind", "object.id": "4", "windowSize": 256,
                  "inputMicrographs": "3.outputMicrographsDoseWeighted"}]""".formatted(staging));
        scipion.command("create-project", "name=" + name, "workflow=" + workflow);
        String api = scipion.url() + "api/projects/" + name;
        LoadAverage loadAverage = new LoadAverage();
        double cpu0 = scipion.serverCpuSeconds();
        if (load != null) {
            load.start(api, "4.outputCTF");
        }
        scipion.command("schedule-project", "name=" + name);
        awaitEnd(api);
        double cpu = scipion.serverCpuSeconds() - cpu0;
        if (load != null) {
            load.stop();
        }
        loadAverage.stop();
        long[] span = commitSpan(userData.resolve("projects").resolve(name));
        double minutes = (span[1] - span[0]) / 60_000.0;
        return new Result(name, load != null, span[2], span[2] / minutes, cpu / Math.max(1, span[2]),
                load == null ? 0 : load.cpuSeconds(), load == null ? 0 : load.latencies().length, loadAverage.mean(),
                loadAverage.min, loadAverage.max);
    }

    /** Waits, one status request a second (in both modes), until every run of the project has ended. */
    private static void awaitEnd(String api) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api)).timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode runs = JSON.readTree(r.body()).path("runs");
            boolean ended = runs.size() > 0;
            for (JsonNode run : runs) {
                String s = run.path("status").asText();
                if (s.equals("failed") || s.equals("aborted")) {
                    throw new IllegalStateException("run " + run.path("id") + " " + s + ": " + run);
                }
                ended &= s.equals("finished");
            }
            if (ended) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /** First import commit, last CTF commit (ms) and the number of CTF items done, from the project database. */
    private static long[] commitSpan(Path projectDir) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource db = new SQLiteDataSource(config);
        db.setUrl("jdbc:sqlite:" + projectDir.resolve("project.sqlite"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT MIN(committed_ms) FROM run_items WHERE run_id = 2),"
                     + " MAX(committed_ms), COUNT(*) FROM run_items WHERE run_id = 4 AND status = 'done'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Samples the 1-minute load average every 2 s in a daemon thread. */
    private static final class LoadAverage {
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder n = new LongAdder();
        volatile double min = Double.MAX_VALUE;
        volatile double max;
        volatile boolean running = true;
        final Thread thread;

        LoadAverage() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        double v = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                        sum.add(v);
                        n.increment();
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        Thread.sleep(2000);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "loadavg");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }

        double mean() {
            return n.sum() == 0 ? Double.NaN : sum.sum() / n.sum();
        }
    }

    private static Path defaultDistribution() throws Exception {
        // NB: benchmarks/target/scipionj-benchmarks-*.jar -> the checkout's distribution/target/scipion
        Path jar = Path.of(ServerLoadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent().resolve("distribution/target/scipion");
    }

    private static String niceness() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%+.1f", x));
        }
        return b.toString();
    }
}
