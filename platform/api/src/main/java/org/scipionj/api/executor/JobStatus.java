package org.scipionj.api.executor;

/**
 * The state of a batch job as the batch system reports it.
 *
 * @param state the state
 * @param detail the batch system's own words (e.g. {@code "CANCELLED exit code 0:15, reason None"}); never null
 */
public record JobStatus(State state, String detail) {

    /** A job's state, coarse enough for any batch system. */
    public enum State {
        /** Waiting for resources. */
        QUEUED,
        /** Running (or finishing). */
        RUNNING,
        /** Ended with exit code 0. */
        COMPLETED,
        /** Ended otherwise: failed, cancelled, timed out, node failure, out of memory, or unknown to the system. */
        FAILED;

        public boolean isEnded() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public JobStatus {
        if (state == null) {
            throw new IllegalArgumentException("a job status needs a state");
        }
        detail = detail == null ? state.name() : detail;
    }
}
