package org.scipionj.api.stream;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.api.item.Item;

/**
 * An append-only, ordered, persistent set of items that keeps growing until it is closed.
 *
 * <p>Only the engine appends (a protocol returns its outputs, the engine commits them). Readers keep
 * a cursor, the {@link Entry#seq() position} of the last entry they processed:
 *
 * <pre>{@code
 * long cursor = 0;
 * while (true) {
 *     List<Entry<Movie>> batch = movies.read(cursor, 100);
 *     for (Entry<Movie> e : batch) { use(e.item()); cursor = e.seq(); }
 *     if (batch.isEmpty() && !movies.awaitAfter(cursor, Duration.ofSeconds(10))) break; // closed
 * }
 * }</pre>
 *
 * <p>Thread-safe. Readers in other processes (reading the same project database) see every committed
 * append in order and never a partial one.
 *
 * @param <T> item type
 */
@ProviderType
public interface StreamingSet<T extends Item> {

    /** The set's name as workflows point at it: {@code "runId.outputName"}, e.g. {@code "2.outputMovies"}. */
    String name();

    /** The type of its items. */
    Class<T> itemType();

    /** OPEN or CLOSED. */
    SetState state();

    /** Number of items committed so far. */
    long size();

    /**
     * Up to {@code max} entries after position {@code afterSeq}, in order.
     *
     * @param afterSeq cursor; 0 reads from the start
     * @param max maximum number of entries returned
     */
    List<Entry<T>> read(long afterSeq, int max);

    /**
     * Waits until an entry after {@code afterSeq} exists or the set is closed.
     *
     * @return true if entries after the cursor exist; false if the set is closed and drained, or the
     *         timeout passed with nothing new
     */
    boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException;
}
