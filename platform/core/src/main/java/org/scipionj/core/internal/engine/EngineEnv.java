package org.scipionj.core.internal.engine;

import java.nio.file.Path;

import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.core.internal.ClusterExecutors;
import org.scipionj.core.internal.store.ProjectStore;

/**
 * What every run driver of one session shares.
 *
 * @param store the project database
 * @param registry installed protocols
 * @param projectDir the project folder
 * @param budget the runtime's thread budget
 * @param executors the installed cluster executors, for runs marked for the queue
 */
public record EngineEnv(ProjectStore store, ProtocolRegistry registry, Path projectDir, ThreadBudget budget,
                        ClusterExecutors executors) {

    /** Scipion's run folder name: {@code Runs/000002_ProtImportMovies}. */
    public Path runDir(long runId, String className) {
        return projectDir.resolve("Runs").resolve(String.format("%06d_%s", runId, className));
    }
}
