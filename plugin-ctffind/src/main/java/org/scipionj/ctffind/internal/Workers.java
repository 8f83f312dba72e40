package org.scipionj.ctffind.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of daemon threads for the loops of one run: {@link #forRange} splits {@code [0, n)} into at most
 * {@link #threads()} chunks and runs the last one on the calling thread, so one thread means no pool at all.
 * Thread-safe; close it when the run ends.
 */
final class Workers implements AutoCloseable {

    /** The body of a parallel loop over indices {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads) {
        this.threads = Math.max(1, threads);
        if (this.threads == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(this.threads - 1, r -> {
                Thread t = new Thread(r, "ctffind-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** One thread: every loop runs on the caller. */
    static Workers single() {
        return new Workers(1);
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)} in at most {@link #threads()} contiguous chunks; returns when all are done. */
    void forRange(int n, Range body) {
        int chunks = Math.min(threads, n);
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int i = 0; i < chunks - 1; i++) {
            int from = (int) ((long) n * i / chunks);
            int to = (int) ((long) n * (i + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        body.run((int) ((long) n * (chunks - 1) / chunks), n);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a parallel loop");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
