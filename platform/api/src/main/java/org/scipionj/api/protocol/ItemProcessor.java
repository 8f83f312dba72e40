package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;
import org.scipionj.api.item.Item;

/**
 * Processes one input item. Called concurrently from several engine threads when the run's thread budget
 * allows, so an implementation must be thread-safe (usually: no mutable fields).
 *
 * <p>The single exit is the returned {@link ItemResult}; a thrown exception counts as a failed item with the
 * exception's message. Files are written into {@link ItemContext#outputDir()}; they must be complete when
 * {@code process} returns, because the engine then commits the result rows that reference them.
 */
@ConsumerType
public interface ItemProcessor extends AutoCloseable {

    ItemResult process(ItemContext context, Item input) throws Exception;

    /** Releases what {@link ItemProtocol#open} acquired. */
    @Override
    default void close() throws Exception {
    }
}
