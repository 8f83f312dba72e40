package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds new input. The engine calls {@link #poll} from one thread, again and again, until it returns
 * {@link Poll#finished()}; each new thing found is handed to {@link SourceContext#emit} or
 * {@link SourceContext#fail}, which commit it at once. After a restart the same keys are known again
 * through {@link SourceContext#isKnown}, so nothing is emitted twice.
 */
@ConsumerType
public interface Source extends AutoCloseable {

    Poll poll(SourceContext context) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
