package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.api.item.Item;

/** What a {@link Source} uses to commit what it finds. Used from the polling thread only. */
@ProviderType
public interface SourceContext {

    /** The run this source works for. */
    RunContext run();

    /** Whether something with this key (usually an absolute file path) was already emitted or failed. */
    boolean isKnown(String key);

    /** The id to give the next emitted item (ids start at 1 and never repeat within the run). */
    long nextId();

    /**
     * Commits one new item under a unique key, atomically. Returns false (and commits nothing) if the key is
     * already known.
     */
    boolean emit(String key, String slot, Item item);

    /** Records that the input with this key failed, with the reason; it is not offered again. */
    void fail(String key, String reason);
}
