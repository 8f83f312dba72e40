package org.scipionj.shell.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;

/**
 * Felix Gogo commands in scope {@code scipion}: {@code projects}, {@code runs NAME}, {@code protocols},
 * {@code status NAME}. Thread-safe.
 */
@Component(service = ShellCommands.class, property = {"osgi.command.scope=scipion",
        "osgi.command.function=projects", "osgi.command.function=runs", "osgi.command.function=protocols",
        "osgi.command.function=status"})
public final class ShellCommands {

    private final ProjectService projects;
    private final ProtocolRegistry registry;

    @Activate
    public ShellCommands(@Reference ProjectService projects, @Reference ProtocolRegistry registry) {
        this.projects = projects;
        this.registry = registry;
    }

    /** Project names, one a line. */
    public String projects() {
        return String.join("\n", projects.list());
    }

    /** The runs of a project: id, status, class name and label. */
    public String runs(String project) {
        try (Project p = projects.open(project)) {
            StringBuilder out = new StringBuilder();
            for (RunInfo r : p.runs()) {
                out.append(r.id()).append('\t').append(r.status().label()).append('\t').append(r.className())
                        .append('\t').append(r.label()).append('\n');
            }
            return out.toString();
        }
    }

    /** Installed protocols, and unavailable ones with the reason. */
    public String protocols() {
        return ProtocolsReport.text(registry);
    }

    /** The status table of a project. */
    public String status(String project) {
        try (Project p = projects.open(project)) {
            return StatusReport.text(p);
        }
    }
}
