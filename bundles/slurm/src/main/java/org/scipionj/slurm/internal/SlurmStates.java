package org.scipionj.slurm.internal;

import java.util.Set;

import org.scipionj.api.executor.JobStatus;

/** SLURM job state names (squeue {@code %T}, sacct {@code State}, scontrol {@code JobState}) in the executor's terms. */
final class SlurmStates {

    private static final Set<String> QUEUED = Set.of("PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_FED",
            "REQUEUE_HOLD", "RESV_DEL_HOLD", "SUSPENDED", "RESIZING", "SPECIAL_EXIT");
    private static final Set<String> RUNNING = Set.of("RUNNING", "COMPLETING", "STAGE_OUT", "SIGNALING", "STOPPED");

    private SlurmStates() {
    }

    static JobStatus.State of(String slurmState) {
        // NB: sacct writes "CANCELLED by 0"
        String s = slurmState.strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        if (QUEUED.contains(s)) {
            return JobStatus.State.QUEUED;
        }
        if (RUNNING.contains(s)) {
            return JobStatus.State.RUNNING;
        }
        return s.equals("COMPLETED") ? JobStatus.State.COMPLETED : JobStatus.State.FAILED;
    }
}
