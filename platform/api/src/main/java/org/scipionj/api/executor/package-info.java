/**
 * Scipion-J API: cluster executors. A bundle that can run batch jobs on a cluster (SLURM, ...) registers a
 * {@link org.scipionj.api.executor.ClusterExecutor}; the engine sends the items of runs marked for the queue
 * ({@code _useQueue}) to it in batch jobs. Batching, the job's work on the compute node, collecting results and
 * re-attaching after a restart are the engine's job; an executor only submits, follows and cancels jobs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.api.executor;
