package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol that turns each item of its first input into output items. The engine does the streaming,
 * batching, threading, persistence and resume; the plugin writes only {@link ItemProcessor#process}.
 */
@ConsumerType
public interface ItemProtocol extends Protocol {

    /** Prepares a processor for one run (reads references, builds filters…). Called once per run start. */
    ItemProcessor open(RunContext run) throws Exception;
}
