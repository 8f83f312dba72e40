package org.scipionj.api.session;

import java.nio.file.Path;

/**
 * A started demo: the scheduled project, the simulated acquisition writing into {@code dataFolder}, and the
 * server processing the project. Immutable.
 *
 * @param project        the project's name
 * @param template       the template file the project was made from
 * @param dataFolder     where the movies appear
 * @param pattern        the file pattern the import watches
 * @param count          movies the acquisition writes
 * @param acquisitionPid the simulator's process
 * @param acquisitionLog its output
 * @param serverPid      the server that processes the project
 * @param webUrl         the server's web address (ending in {@code /}), or null when it serves no web
 */
public record DemoSession(String project, Path template, Path dataFolder, String pattern, int count,
        long acquisitionPid, Path acquisitionLog, long serverPid, String webUrl) {

    /** The project's report page, or null without web. */
    public String reportUrl() {
        return webUrl == null ? null : webUrl + "projects/" + project + "/report/";
    }

    /** The project's page, or null without web. */
    public String projectUrl() {
        return webUrl == null ? null : webUrl + "projects/" + project + "/";
    }
}
