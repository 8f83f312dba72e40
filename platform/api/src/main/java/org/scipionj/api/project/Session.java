package org.scipionj.api.project;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/** A project being processed by this runtime. Thread-safe. */
@ProviderType
public interface Session {

    /** Waits until every run has ended or the session was stopped; true if it ended within the timeout. */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    /** Stops processing: running runs become ABORTED (continuable); committed work is kept. Blocks until done. */
    void stop();

    /**
     * Stops processing because this runtime is shutting down, leaving run statuses as they are, so that the next
     * {@link Project#start()} resumes every run where it was. Blocks until done.
     */
    void shutdown();

    /** Whether the session has ended. */
    boolean isEnded();
}
