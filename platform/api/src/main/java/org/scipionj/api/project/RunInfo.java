package org.scipionj.api.project;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one run of a project.
 *
 * @param id run id (Scipion's {@code object.id})
 * @param label human label
 * @param className Scipion class name from the workflow
 * @param protocolId id of the protocol that runs it
 * @param status status
 * @param done items processed successfully
 * @param failed items that failed
 * @param inputs input bindings, slot name to {@code "runId.outputName"}
 * @param params parameter values as given (JSON types)
 * @param outputs output sets
 * @param error why the run failed, or null
 * @param bundle symbolic name and version of the bundle that provides the protocol, or null before start
 */
public record RunInfo(long id, String label, String className, String protocolId, RunStatus status, long done,
                      long failed, Map<String, String> inputs, Map<String, Object> params, List<OutputInfo> outputs,
                      String error, String bundle) {
}
