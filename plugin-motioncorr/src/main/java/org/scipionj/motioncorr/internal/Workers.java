package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The threads one movie is processed with: {@code threads - 1} pool threads plus the calling thread, so that one
 * thread means no pool at all. Loops hand out indices one at a time (work stealing by counter), which balances
 * uneven tasks such as patches of different cost. A cancellation check is polled between tasks. Thread-safe; close
 * it to stop the pool.
 */
final class Workers implements AutoCloseable {

    /** A loop body that may throw. */
    @FunctionalInterface
    interface Body {
        void run(int index) throws Exception;
    }

    /** One thread (the caller), never cancelled: for nested loops inside a parallel task. */
    static final Workers SERIAL = new Workers(1, null);

    private final int threads;
    private final ExecutorService pool;
    private final BooleanSupplier cancelled;

    Workers(int threads, BooleanSupplier cancelled) {
        this.threads = Math.max(1, threads);
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "motioncorr-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} for every index in {@code [0, n)} and returns when all are done. */
    void forEach(int n, Body body) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Body checked = i -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            body.run(i);
        };
        int helpers = pool == null ? 0 : Math.min(threads - 1, n - 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < helpers; t++) {
            futures.add(pool.submit(() -> {
                drain(next, n, checked);
                return null;
            }));
        }
        Exception failure = null;
        try {
            drain(next, n, checked);
        } catch (Exception e) {
            failure = e;
            next.set(n);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs {@code body} over {@code [0, n)} split into one contiguous range per thread. */
    void forRanges(int n, RangeBody body) throws Exception {
        int chunks = Math.max(1, Math.min(threads, n));
        forEach(chunks, c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }

    /** A loop body over a range {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to) throws Exception;
    }

    boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    private static void drain(AtomicInteger next, int n, Body body) throws Exception {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            body.run(i);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
