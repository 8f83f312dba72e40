package org.scipionj.api.session;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts demo sessions: a simulated microscope writes movies in streaming into a folder while a project made from
 * one of the distribution's workflow templates processes them in the background server (started when none
 * runs). {@code scipion demo} and the web wizard both use it. Thread-safe.
 *
 * <pre>{@code
 * DemoSession s = demos.start(DemoRequest.defaults().withCount(3));
 * System.out.println("report: " + s.reportUrl());
 * }</pre>
 */
@ProviderType
public interface DemoService {

    /** The acquisition presets, the default first. */
    List<String> presets();

    /** The templates of the distribution's {@code workflows/} folder, without {@code .json.template}. */
    List<String> templates();

    /**
     * Creates the project from the template, starts the acquisition, schedules the project and makes sure a server
     * processes it; returns once all of that has started.
     *
     * @throws org.scipionj.api.project.ScipionException for a bad request (unknown template or preset, a name in
     *         use, a data folder holding a dataset), saying what to change; or when a process cannot be started
     */
    DemoSession start(DemoRequest request);
}
