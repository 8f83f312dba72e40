package org.scipionj.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol that watches other runs (and the machine) on an interval: monitors, reports, alerts. It has no
 * streamed input; the runs it watches are usually a {@link ParamType#RUN_LIST} parameter such as Scipion's
 * {@code inputProtocols}. The engine calls {@link Monitor#sample} until it answers {@link Poll#finished()}.
 */
@ConsumerType
public interface MonitorProtocol extends Protocol {

    /** Prepares a monitor for one run. Called once per run start (also when a project resumes). */
    Monitor open(RunContext run) throws Exception;
}
