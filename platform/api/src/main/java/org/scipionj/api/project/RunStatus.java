package org.scipionj.api.project;

/** The life of a run. */
public enum RunStatus {
    /** Created, not yet scheduled. */
    NEW,
    /** Scheduled: will start when a runtime runs the project. */
    SCHEDULED,
    /** Started, but its inputs do not exist yet (the upstream run has not produced its output set). */
    WAITING,
    /** Processing (or waiting for more input in streaming). */
    RUNNING,
    /** Every input closed and drained; outputs closed. */
    FINISHED,
    /** Could not run (bad parameters, protocol error); failed items alone do not fail a run. */
    FAILED,
    /** Stopped by a user; can be continued. */
    ABORTED;

    /** Whether the run has ended (finished, failed or aborted). */
    public boolean isEnded() {
        return this == FINISHED || this == FAILED || this == ABORTED;
    }

    /** Lower-case name, as Scipion shows it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
