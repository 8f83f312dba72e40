package org.scipionj.core.internal.store;

import java.time.Duration;
import java.util.List;

import org.scipionj.api.item.Item;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;
import org.scipionj.api.stream.StreamingSet;

/**
 * A {@link StreamingSet} backed by the project database. Commits made in this process wake waiters at once;
 * commits made by another process are seen within {@link #POLL_MILLIS}. Thread-safe.
 */
public final class SqlStreamingSet<T extends Item> implements StreamingSet<T> {

    static final long POLL_MILLIS = 200;

    private final ProjectStore store;
    private final String name;
    private final Class<T> type;

    public SqlStreamingSet(ProjectStore store, String name, Class<T> type) {
        this.store = store;
        this.name = name;
        this.type = type;
    }

    /** The set with this name, if it exists, typed as stored. */
    public static java.util.Optional<org.scipionj.api.stream.StreamingSet<?>> open(ProjectStore store, String name) {
        return store.set(name).map(row -> new SqlStreamingSet<>(store, name, store.codec().type(row.itemType())));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<T> itemType() {
        return type;
    }

    @Override
    public SetState state() {
        return store.set(name).map(SetRow::state).orElse(SetState.OPEN);
    }

    @Override
    public long size() {
        return store.size(name);
    }

    @Override
    public List<Entry<T>> read(long afterSeq, int max) {
        return store.read(name, type, afterSeq, max);
    }

    @Override
    public boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException {
        SetSignals.Signal signal = store.signals().of(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = signal.version();
            if (store.size(name) > afterSeq) {
                return true;
            }
            if (state() == SetState.CLOSED) {
                return store.size(name) > afterSeq;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            signal.awaitChange(seen, Math.min(left, POLL_MILLIS));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
