package org.scipionj.motioncorr.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time of one movie goes: the wall time of its successive steps (each step runs on all the movie's
 * threads), and, for parts of steps, the CPU time summed over threads ({@link #cpu()}). For the item log and the
 * benchmark. Thread-safe.
 */
final class Timings {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    synchronized void add(String step, long elapsedNanos) {
        nanos.merge(step, elapsedNanos, Long::sum);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * CPU time of the calling thread, ns (wall time where the JVM cannot measure it): for sums over threads, which
     * stay meaningful on a loaded machine.
     */
    static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs {@code body} and adds its wall time to {@code step}. */
    <T> T time(String step, Step<T> body) throws Exception {
        long t0 = System.nanoTime();
        try {
            return body.run();
        } finally {
            add(step, System.nanoTime() - t0);
        }
    }

    /** A timed step. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    /** Seconds per step, in the order first seen. */
    synchronized Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, Math.round(v / 1e6) / 1e3));
        return out;
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder();
        seconds().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v)
                .append(" s"));
        return b.toString();
    }
}
