package org.scipionj.api.executor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One batch job to submit.
 *
 * @param name the job's name (letters, digits, {@code -_.})
 * @param queue the queue to use (a name from the executor's configuration)
 * @param params the queue parameters with the run's overrides (memory, time, GPUs ...)
 * @param threads the threads the job uses
 * @param command the program and arguments to run on the compute node
 * @param workDir the job's folder, on the filesystem the compute nodes share; it exists
 * @param logPrefix the job's standard output goes to {@code logPrefix + ".out"}, its errors to {@code ".err"}
 */
public record JobSpec(String name, String queue, Map<String, String> params, int threads, List<String> command,
                      Path workDir, Path logPrefix) {

    public JobSpec {
        params = Map.copyOf(params);
        command = List.copyOf(command);
    }
}
