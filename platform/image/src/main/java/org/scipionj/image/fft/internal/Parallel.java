package org.scipionj.image.fft.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Splits a loop over {@code [0, n)} into contiguous chunks run on JTransforms' thread pool (the embedded
 * {@code ConcurrencyUtils} pool, daemon threads), so FFTs and the loops around them share one pool and one thread
 * count. The calling thread runs the last chunk itself. Thread-safe.
 */
public final class Parallel {

    /** The body of a parallel loop: handles indices {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** The number of threads loops and transforms use. */
    public static int threads() {
        return Math.max(1, ConcurrencyUtils.getNumberOfThreads());
    }

    /** Sets the thread count for every later loop and transform in this bundle. */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ConcurrencyUtils.setNumberOfThreads(threads);
    }

    /** Values handled per chunk below which splitting a loop costs more than it saves. */
    private static final int MIN_WORK = 1 << 15;

    /**
     * Runs {@code body} over {@code [0, n)} items of {@code work} values each (rows of an image, blocks of
     * columns), split only into chunks of at least about 32k values, so small images stay on the calling thread.
     */
    public static void forItems(int n, long work, Range body) {
        forRange(n, (int) Math.max(1, MIN_WORK / Math.max(1, work)), body);
    }

    /**
     * Runs {@code body} over {@code [0, n)}, in at most {@link #threads()} chunks of at least {@code grain} indices.
     * Returns when every chunk is done; an exception from a chunk is rethrown here.
     */
    public static void forRange(int n, int grain, Range body) {
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int i = 0; i < chunks - 1; i++) {
            int from = (int) ((long) n * i / chunks);
            int to = (int) ((long) n * (i + 1) / chunks);
            futures[i] = ConcurrencyUtils.submit(() -> body.run(from, to));
        }
        body.run((int) ((long) n * (chunks - 1) / chunks), n);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a parallel loop");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
