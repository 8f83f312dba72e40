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
}
