package org.scipionj.simulator.internal;

import java.util.stream.IntStream;

/**
 * Runs a loop over rows in contiguous chunks on the common fork-join pool. Work must not depend on which thread
 * runs a chunk (every row has its own random stream, see {@link Seeds}), so results are the same for any
 * number of threads. Thread-safe.
 */
final class Loops {

    /** The body of a loop: handles rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private Loops() {
    }

    static void forRows(int n, Range body) {
        int chunks = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel()
                .forEach(i -> body.run((int) ((long) n * i / chunks), (int) ((long) n * (i + 1) / chunks)));
    }
}
