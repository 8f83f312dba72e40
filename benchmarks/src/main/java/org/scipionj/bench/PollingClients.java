package org.scipionj.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code n} HTTP clients polling one project's JSON API on loopback, as open project pages do: each alternates the
 * project's status and the next page of one output set ("items after my cursor", once the status lists that
 * set), one request every
 * {@code interval} ms. Records every request's latency (from sending to the whole body read). Not thread-safe:
 * one {@link #start}, then one {@link #stop}.
 */
final class PollingClients {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*(\\d+)");
    private final int n;
    private final int intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger errors = new AtomicInteger();
    private final java.util.Map<String, Integer> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<long[]> latencies = new ArrayList<>();
    private final int[] counts;
    // NB: one client object, many connections: 50 clients' own selector threads would load the machine too
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ExecutorService pool;
    private long startedNanos;
    private long cpuAtStart;
    private double seconds;
    private double cpuSeconds;

    PollingClients(int n, int intervalMillis) {
        this.n = n;
        this.intervalMillis = intervalMillis;
        this.counts = new int[n];
    }

    /** Starts polling {@code projectUrl} ({@code http://127.0.0.1:PORT/api/projects/NAME}) and the set's items. */
    void start(String projectUrl, String set) {
        running.set(true);
        pool = Executors.newFixedThreadPool(n);
        startedNanos = System.nanoTime();
        cpuAtStart = processCpuNanos();
        for (int c = 0; c < n; c++) {
            long[] mine = new long[100_000];
            latencies.add(mine);
            int index = c;
            pool.submit(() -> poll(projectUrl, set, mine, index));
        }
    }

    private void poll(String status, String set, long[] mine, int index) {
        String items = status + "/sets/" + set + "/items?limit=100&after=";
        String listed = "\"" + set + "\"";
        boolean setExists = false;
        long cursor = 0;
        int k = 0;
        try {
            // NB: spread the first requests over one interval, as pages opened at different times would
            Thread.sleep((long) (Math.random() * intervalMillis));
            while (running.get() && k < mine.length) {
                boolean page = setExists && k % 2 == 1;
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(page ? items + cursor : status))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    mine[k++] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                        errorKinds.merge((page ? "items " : "status ") + r.statusCode() + " "
                                + r.body().substring(0, Math.min(80, r.body().length())), 1, Integer::sum);
                    } else if (!page) {
                        setExists = r.body().contains(listed);
                    } else {
                        Matcher m = NEXT.matcher(r.body());
                        if (m.find()) {
                            cursor = Long.parseLong(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    errorKinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (counts) {
                counts[index] = k;
            }
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        pool.shutdownNow();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        seconds = (System.nanoTime() - startedNanos) / 1e9;
        cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
    }

    /** Every latency in nanoseconds, sorted. */
    long[] latencies() {
        synchronized (counts) {
            long[] all = new long[Arrays.stream(counts).sum()];
            int k = 0;
            for (int i = 0; i < latencies.size(); i++) {
                System.arraycopy(latencies.get(i), 0, all, k, counts[i]);
                k += counts[i];
            }
            Arrays.sort(all);
            return all;
        }
    }

    int errors() {
        return errors.get();
    }

    /** The failed requests by kind (request, status and the start of the answer, or the exception). */
    java.util.Map<String, Integer> errorKinds() {
        return new java.util.TreeMap<>(errorKinds);
    }

    /** Wall seconds the clients ran. */
    double seconds() {
        return seconds;
    }

    /** CPU seconds of this JVM (the clients, mostly) while they ran. */
    double cpuSeconds() {
        return cpuSeconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
