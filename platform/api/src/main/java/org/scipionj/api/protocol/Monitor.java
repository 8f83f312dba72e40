package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes one sample of what it watches, records it (see {@link MonitorContext#record}), writes its outputs
 * (plots, a report) and says when to sample again. Called from one engine thread.
 */
@ConsumerType
public interface Monitor extends AutoCloseable {

    Poll sample(MonitorContext context) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
