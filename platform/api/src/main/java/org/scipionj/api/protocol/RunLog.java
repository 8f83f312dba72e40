package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ProviderType;

/** A run's log (kept in the run folder as {@code logs/run.log}). Thread-safe. */
@ProviderType
public interface RunLog {

    void info(String message);

    void warn(String message);

    void error(String message, Throwable cause);
}
