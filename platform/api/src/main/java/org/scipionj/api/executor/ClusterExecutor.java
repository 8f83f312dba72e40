package org.scipionj.api.executor;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A batch system the engine can send work to: submits a job, reports job states, cancels jobs. Registered as a
 * service with the property {@code scipion.executor=NAME} (for example {@code slurm}). Implementations must be
 * thread-safe; every method may block on the batch system's commands.
 *
 * <p>Queues and their parameters come from the executor's configuration (for SLURM, a Scipion-style
 * {@code hosts.conf}); a run names one queue and overrides some parameters in its {@code _queueParams}.
 *
 * <pre>{@code
 * Map<String, String> params = new HashMap<>(executor.queueParameters(null)); // the default queue
 * String id = executor.submit(new JobSpec("scipion-p1-r3-b1", executor.defaultQueue(), params, 2,
 *         List.of("/opt/scipion/scipion", "worker", "--batch", batch.toString()), workDir, workDir.resolve("job")));
 * JobStatus s = executor.status(List.of(id)).get(id);
 * }</pre>
 */
@ConsumerType
public interface ClusterExecutor {

    /** The service property that names an executor. */
    String NAME_PROPERTY = "scipion.executor";

    /** The queue used when a run names none. */
    String defaultQueue();

    /**
     * The parameters of a queue with their configured values (the executor's defaults first, then the queue's
     * own), which a run may override.
     *
     * @param queue a queue name, or null for {@link #defaultQueue()}
     * @throws IllegalArgumentException when the queue is not configured; the message names the known queues
     */
    Map<String, String> queueParameters(String queue);

    /**
     * Submits one job and returns its id.
     *
     * @throws IOException when the batch system refuses the job or cannot be reached; the message says why
     */
    String submit(JobSpec job) throws IOException;

    /**
     * The states of jobs. Every id asked for is in the answer; a job the batch system no longer knows is
     * {@link JobStatus.State#FAILED} with a detail saying so.
     *
     * @throws IOException when the batch system cannot be asked (the engine asks again later)
     */
    Map<String, JobStatus> status(Collection<String> jobIds) throws IOException;

    /** Cancels a job; a job that already ended is ignored. */
    void cancel(String jobId) throws IOException;
}
