package org.scipionj.api.protocol;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** What the engine tells a protocol about the run it works for. Thread-safe. */
@ProviderType
public interface RunContext {

    /** The run's id in its project. */
    long runId();

    /** The run's validated parameters. */
    Parameters parameters();

    /** The run's folder ({@code Runs/000002_ProtImportMovies}). */
    Path runDir();

    /** Where output files go ({@code runDir/extra}); exists. */
    Path outputDir();

    /** The number of threads this run may use for one item. */
    int threads();

    /** The run's log. */
    RunLog log();

    /** Whether a user asked the run to stop (sources close their outputs; processors may end early). */
    boolean isStopRequested();
}
