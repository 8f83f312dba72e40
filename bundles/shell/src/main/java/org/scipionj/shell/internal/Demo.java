package org.scipionj.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ScipionException;

/**
 * {@code scipion demo}: a simulated microscope writes movies into a folder while a project imports them in
 * streaming; prints progress and the final status. Needs nothing but the runtime.
 */
final class Demo {

    static final String USAGE = "demo [name=NAME] [movies=N] [size=PX] [frames=N]";

    private final ProjectService projects;
    private final PrintStream out;

    Demo(ProjectService projects, PrintStream out) {
        this.projects = projects;
        this.out = out;
    }

    void run(CliArgs a) throws InterruptedException {
        a.allow(Set.of("name", "movies", "size", "frames"), Set.of(), USAGE);
        String name = a.value("name", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        int movies = positive(a, "movies", 8);
        int size = positive(a, "size", 256);
        int frames = positive(a, "frames", 8);
        Path data = projects.projectsDir().getParent().resolve("demo-data").resolve(name);
        String workflow = """
                [
                  {"object.className": "ProtImportMovies", "object.id": "2", "object.label": "Import movies (demo)",
                   "importFrom": 0, "filesPath": %s, "filesPattern": "FoilHole_*_fractions.mrcs",
                   "voltage": 300.0, "sphericalAberration": 2.7, "amplitudeContrast": 0.1,
                   "samplingRate": 1.0, "dosePerFrame": 1.2, "doseInitial": 0.0,
                   "dataStreaming": true, "fileTimeout": 1, "timeout": 4}
                ]""".formatted(StatusReport.write(data.toString()));
        try (Project p = projects.create(name, workflow, "built-in demo workflow")) {
            out.println("Demo project " + name + " in " + p.dir());
            out.println("A simulated microscope writes " + movies + " movies (" + size + "x" + size + ", " + frames
                    + " frames) into " + data + "; the import picks each up once it has stopped growing.");
            p.schedule();
            DemoMicroscope scope = new DemoMicroscope(data, size, frames, 1.0);
            Thread microscope = new Thread(() -> {
                try {
                    for (int i = 1; i <= movies; i++) {
                        scope.writeMovie(i, 60);
                    }
                } catch (Exception e) {
                    out.println("demo microscope stopped: " + e);
                }
            }, "demo-microscope");
            microscope.setDaemon(true);
            microscope.start();
            ScipionCli.process(p, out);
            microscope.join();
            out.println("Inspect it with: ./scipion status name=" + name + "  or  ./scipion items name=" + name
                    + " set=2.outputMovies");
        }
    }

    private static int positive(CliArgs a, String key, int fallback) {
        String v = a.value(key, String.valueOf(fallback));
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScipionException(key + " must be a whole number between 1 and 100000, not '" + v + "'; usage: " + USAGE);
    }
}
