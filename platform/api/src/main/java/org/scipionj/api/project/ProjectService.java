package org.scipionj.api.project;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates, lists and opens projects under {@code $SCIPION_USER_DATA/projects}. Thread-safe.
 *
 * <pre>{@code
 * try (Project p = projects.create("betagal", Path.of("workflow.json"))) {
 *     p.schedule();
 * }
 * }</pre>
 */
@ProviderType
public interface ProjectService {

    /** The folder holding all projects. */
    Path projectsDir();

    /** Project names, sorted. */
    List<String> list();

    /**
     * Creates a project from a Scipion workflow JSON file.
     *
     * @throws ScipionException for an invalid or existing name, or a workflow that does not load (with file,
     *         line and field)
     */
    Project create(String name, Path workflow);

    /**
     * Creates a project from workflow JSON text.
     *
     * @param source where the text came from, for error messages
     */
    Project create(String name, String workflowJson, String source);

    /**
     * Creates a project from workflow JSON text; with {@code skipUnknown}, runs of protocol classes that no
     * installed plugin provides are dropped, with every run that depends on them, instead of failing.
     */
    Project create(String name, String workflowJson, String source, boolean skipUnknown);

    /** Opens an existing project. */
    Project open(String name);

    /**
     * Creates a project in any empty or missing folder, outside the projects folder (for one-off runs such as
     * {@code scipion run}); it is named after the folder.
     */
    Project createAt(Path dir, String workflowJson, String source);
}
