package org.scipionj.export.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ScipionException;

/**
 * {@code scipion export name=NAME run=ID [output=NAME] [--format star|json] --out PATH [--absolute]}: writes a run's
 * output as RELION STAR files (or JSON) that RELION and cryoSPARC import. Registered on the shell's command
 * whiteboard. Returns 0 when written, 1 for a user error (one message saying what to do), 2 for an internal error.
 * Thread-safe (each call opens the project itself).
 */
@Component(service = Function.class, property = {
        "scipion.cli.command=export",
        "scipion.cli.usage=" + ExportArgs.USAGE + "   a run's output as RELION STAR files or JSON"})
public final class ExportCommand implements Function<String[], Integer> {

    private final ProjectService projects;

    @Activate
    public ExportCommand(@Reference ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public Integer apply(String[] args) {
        return run(args, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ExportArgs a = ExportArgs.parse(args);
            try (Project p = projects.open(a.project())) {
                Written w = Exporter.export(p, a.run(), a.format(), a.out(), a.output(), a.absolute());
                out.println("Run " + a.run() + " of project " + p.name() + " exported to " + w.main() + " ("
                        + w.rows() + " rows" + (w.files().size() > 1 ? ", " + w.files().size() + " files" : "") + ")");
                w.notes().forEach(n -> out.println("  " + n));
            }
            return 0;
        } catch (ScipionException e) {
            err.println("scipion export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("scipion export: cannot write: " + e.getMessage() + "; check the --out folder");
            return 1;
        } catch (RuntimeException e) {
            err.println("scipion export: internal error: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }
}
