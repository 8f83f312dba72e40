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
 * {@code status NAME}, {@code schedule NAME}, {@code stop NAME [RUN]}. Thread-safe.
 */
@Component(service = ShellCommands.class, property = {"osgi.command.scope=scipion",
        "osgi.command.function=projects", "osgi.command.function=runs", "osgi.command.function=protocols",
        "osgi.command.function=status", "osgi.command.function=schedule", "osgi.command.function=stop"})
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

    /** Schedules every run of a project; the running server (if any) picks it up within a second. */
    public String schedule(String project) {
        try (Project p = projects.open(project)) {
            if (p.isProcessing()) {
                return "Project " + p.name() + " is already being processed";
            }
            p.schedule();
            return "Project " + p.name() + " scheduled";
        }
    }

    /** Asks the processing runtime to stop a whole project. */
    public String stop(String project) {
        return stop(project, 0);
    }

    /** Asks the processing runtime to stop one run (0: all); committed work is kept. */
    public String stop(String project, long run) {
        try (Project p = projects.open(project)) {
            if (run != 0 && p.run(run).isEmpty()) {
                throw new org.scipionj.api.project.ScipionException("project " + p.name() + " has no run " + run);
            }
            p.requestStop(run);
            return "Stop requested for " + (run == 0 ? "project " + p.name() : "run " + run + " of " + p.name());
        }
    }
}
