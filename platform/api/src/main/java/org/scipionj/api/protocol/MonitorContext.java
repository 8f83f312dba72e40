package org.scipionj.api.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.stream.StreamingSet;

/**
 * What a {@link Monitor} sees: the project's runs and sets (read only) and its own persisted time series, which
 * survive a restart of the runtime. Used from the monitor's thread only.
 */
@ProviderType
public interface MonitorContext {

    /** The monitor's own run. */
    RunContext run();

    /** The project's name. */
    String projectName();

    /** The project's folder. */
    Path projectDir();

    /** Every run of the project, as now committed. */
    List<RunInfo> runs();

    /** An output set by name ({@code "2.outputMovies"}). */
    Optional<StreamingSet<?>> set(String name);

    /** Appends one sample, stamped now, to the series {@code name} of this run. */
    void record(String name, Map<String, Double> values);

    /** Every sample of the series {@code name}, oldest first. */
    List<Sample> series(String name);

    /**
     * One recorded sample.
     *
     * @param timeMillis when it was recorded (epoch milliseconds)
     * @param values the values
     */
    record Sample(long timeMillis, Map<String, Double> values) {
    }
}
