package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/** A protocol that finds its own input (files on disk, a socket) instead of reading a set: an import. */
@ConsumerType
public interface SourceProtocol extends Protocol {

    /** Prepares a source for one run. Called once per run start (also when a project resumes). */
    Source open(RunContext run) throws Exception;
}
