package org.scipionj.api.protocol;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** What a processor gets with each item. */
@ProviderType
public interface ItemContext {

    /** The run this item is processed for. */
    RunContext run();

    /** Where to write output files; the same folder for all items of a run (name files after the input). */
    Path outputDir();

    /** Whether the engine asks this item's processing to stop (the run is being stopped). */
    boolean isCancelled();

    /** Adds a line to the item's log, kept with its result. */
    void log(String message);

    /**
     * The items of another input slot that belong to exposure {@code groupId} (see {@link Item#groupId()}): for
     * example the coordinates picked on micrograph 7, or its CTF. Waits until the run producing that input has
     * dealt with exposure {@code groupId} (or its output is closed), so an empty list means "none", not "not yet".
     *
     * <pre>{@code
     * List<Item> ctf = context.related("ctfRelations", micrograph.id());
     * }</pre>
     *
     * @param inputSlot a declared input other than the streamed (first) one
     * @throws IllegalArgumentException if the slot is not a declared input or is not set for this run
     * @throws InterruptedException if the run is stopped while waiting
     */
    java.util.List<org.scipionj.api.item.Item> related(String inputSlot, long groupId) throws InterruptedException;
}
