package org.scipionj.api.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.api.stream.StreamingSet;

/**
 * An open project: a folder plus its database, the single source of truth for runs, statuses, parameters and
 * set items. Several processes may open the same project; only one runtime {@link #start() processes} it at a
 * time. Thread-safe. Close it when done.
 */
@ProviderType
public interface Project extends AutoCloseable {

    String name();

    Path dir();

    /** Every run, by id. */
    List<RunInfo> runs();

    /** One run. */
    Optional<RunInfo> run(long runId);

    /**
     * The items a run could not process, oldest first: the input's key ({@code "seq:N"} for a position in the
     * streamed input, a file path for an import) and the reason.
     */
    List<Map.Entry<String, String>> failures(long runId, int max);

    /**
     * Provenance: how many input items of a run each bundle processed, keyed by symbolic name and version
     * ({@code "org.scipionj.motioncorr 1.0.0.202611261000"}), in the order they first did. More than one key
     * means the plugin was updated during the run's life (a run keeps the code it loaded until continued).
     *
     * @since 1.1
     */
    Map<String, Long> processedBy(long runId);

    /** An output set by name ({@code "2.outputMovies"}). */
    Optional<StreamingSet<?>> set(String name);

    /** Marks every NEW, ABORTED or FAILED run SCHEDULED, so the next runtime start processes it. */
    void schedule();

    /**
     * Starts processing every scheduled, waiting or running run in this process, resuming from what was
     * committed. Fails if another live process already processes the project.
     */
    Session start();

    /** Whether a live process (this one or another) is processing the project now. */
    boolean isProcessing();

    /**
     * Asks the processing runtime to stop one run ({@code runId > 0}) or all runs ({@code runId == 0});
     * if nothing processes the project, marks them ABORTED directly.
     */
    void requestStop(long runId);

    /** Asks a source run (an import) to close its output now, keeping what it imported. */
    void requestCloseStream(long runId);

    /** Schedules an aborted, failed or finished run again, to continue where it was. */
    void continueRun(long runId);

    /**
     * Copies a run with some parameters changed; the copy reads the same inputs and is scheduled.
     *
     * @return the new run's id
     */
    long copyRun(long runId, Map<String, Object> changedParams);

    /**
     * The project's runs as Scipion workflow JSON (class names, ids, labels, parameters as given, input pointers),
     * which {@link ProjectService#create} loads again unchanged.
     */
    String exportWorkflow();

    @Override
    void close();
}
