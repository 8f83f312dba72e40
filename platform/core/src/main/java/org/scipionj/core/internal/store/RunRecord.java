package org.scipionj.core.internal.store;

import java.util.Map;

import org.scipionj.api.project.RunStatus;

/**
 * A run as stored: what the workflow said plus its status.
 *
 * @param id run id
 * @param label label
 * @param className Scipion class name
 * @param protocolId protocol id
 * @param status status
 * @param params parameter values as JSON values (before type conversion)
 * @param inputs slot name to {@code "runId.outputName"}
 * @param engine engine settings: streamingBatchSize, numberOfThreads, queue settings
 * @param error failure reason or null
 * @param bundle provider bundle and version, or null
 */
public record RunRecord(long id, String label, String className, String protocolId, RunStatus status,
                        Map<String, Object> params, Map<String, String> inputs, Map<String, Object> engine,
                        String error, String bundle) {

    public RunRecord withStatus(RunStatus newStatus) {
        return new RunRecord(id, label, className, protocolId, newStatus, params, inputs, engine, error, bundle);
    }

    /** An engine setting as a long, or {@code fallback}. */
    public long engineLong(String key, long fallback) {
        Object v = engine.get(key);
        return v instanceof Number n ? n.longValue() : fallback;
    }
}
