package org.scipionj.core.internal.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes readers of a set in this process as soon as a commit touches it, so downstream runs start on a new
 * item within milliseconds instead of polling. Readers in other processes fall back to polling the database.
 * Thread-safe.
 */
public final class SetSignals {

    private final ConcurrentMap<String, Signal> signals = new ConcurrentHashMap<>();
    private final Signal any = new Signal();

    /** Counts commits to one set; waiters block until the count moves past what they saw. */
    public static final class Signal {
        private long version;

        public synchronized long version() {
            return version;
        }

        public synchronized void bump() {
            version++;
            notifyAll();
        }

        /** Waits until the version differs from {@code seen} or {@code millis} pass. */
        public synchronized void awaitChange(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (version == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }
    }

    public Signal of(String setName) {
        return signals.computeIfAbsent(setName, n -> new Signal());
    }

    public void signal(String setName) {
        of(setName).bump();
        any.bump();
    }

    /** Moves on every commit to any set (and every recorded failure): for waits that depend on several sets. */
    public Signal any() {
        return any;
    }
}
