package org.scipionj.web.internal;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ScipionException;

/**
 * Projects kept open between requests (opening one opens its database): {@link Project} is thread-safe, so
 * every request shares one instance per project. A project whose folder disappeared is closed and dropped.
 * Thread-safe.
 */
final class OpenProjects implements AutoCloseable {

    private final ProjectService projects;
    private final Map<String, Project> open = new ConcurrentHashMap<>();

    OpenProjects(ProjectService projects) {
        this.projects = projects;
    }

    ProjectService service() {
        return projects;
    }

    /** @throws WebException 404 when there is no such project */
    Project get(String name) {
        Project p = open.get(name);
        if (p != null && Files.isDirectory(p.dir())) {
            return p;
        }
        if (p != null) {
            open.remove(name, p);
            p.close();
        }
        if (!projects.list().contains(name)) {
            throw WebException.notFound("no project named '" + name + "'; GET /api/projects lists them");
        }
        try {
            return open.computeIfAbsent(name, projects::open);
        } catch (ScipionException e) {
            throw WebException.notFound(e.getMessage());
        }
    }

    @Override
    public void close() {
        open.values().forEach(Project::close);
        open.clear();
    }
}
