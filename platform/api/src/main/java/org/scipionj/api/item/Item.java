package org.scipionj.api.item;

import java.util.Map;

/**
 * An immutable record that flows through a {@link org.scipionj.api.stream.StreamingSet}.
 *
 * <p>{@link #id()} is stable: a one-to-one step keeps the id of its input item (the micrograph made
 * from movie 7 has id 7), as Scipion keeps its {@code objId}. {@link #attributes()} is an open map for
 * plugin-specific values; its values must be JSON-friendly (strings, numbers, booleans, lists, maps).
 * Implementations are records and therefore thread-safe.
 */
public interface Item {

    /** The stable id of this item; unique within its set. */
    long id();

    /** Extra attributes, never null, unmodifiable. */
    Map<String, Object> attributes();

    /**
     * The id of the exposure this item belongs to, used to join sets: a movie, its micrograph and its CTF share
     * one id, and a coordinate belongs to the micrograph it lies on. Defaults to {@link #id()}.
     */
    default long groupId() {
        return id();
    }
}
