package org.scipionj.core.internal.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local executor: a budget of threads shared by every run of the runtime. An item that needs {@code n}
 * threads waits (first come, first served) until {@code n} are free, so runs never oversubscribe the machine.
 * Thread-safe.
 */
public final class ThreadBudget implements AutoCloseable {

    private final int size;
    private final Semaphore permits;
    private final ExecutorService workers;

    public ThreadBudget(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a thread budget needs at least 1 thread, not " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scipion-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Threads in the budget. */
    public int size() {
        return size;
    }

    /** Threads free now. */
    public int free() {
        return permits.availablePermits();
    }

    /**
     * Waits for {@code threads} free threads (capped at the budget), then runs {@code task} on a worker and gives
     * the threads back when it ends.
     */
    public void execute(int threads, Runnable task) throws InterruptedException {
        int n = Math.max(1, Math.min(threads, size));
        permits.acquire(n);
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } finally {
                    permits.release(n);
                }
            });
        } catch (RuntimeException e) {
            permits.release(n);
            throw e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
