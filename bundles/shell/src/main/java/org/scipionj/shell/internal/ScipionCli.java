package org.scipionj.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.project.Session;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

/**
 * The {@code scipion} command line, as a service the launcher calls with the arguments: it returns the exit
 * code (0 ok, 1 user error, 2 internal error). User errors print one clear message, never a stack trace.
 * Thread-safe.
 */
@Component(service = Function.class, property = "scipion.cli=true")
public final class ScipionCli implements Function<String[], Integer> {

    static final String USAGE = String.join("\n",
            "usage: scipion COMMAND [key=value ...] [--flag ...]",
            "  " + Demo.USAGE,
            "                                               simulated acquisition processed in streaming, live progress",
            "  create-project name=NAME workflow=PATH [--skip-unknown]   create a project from a Scipion workflow JSON",
            "  template PATH [alias=value ...] [--name NAME] [--noschedule] [--skip-unknown]   fill a template, create, schedule",
            "  export-workflow name=NAME [out=PATH]         write the project's runs as Scipion workflow JSON",
            "  schedule-project name=NAME [--foreground]    schedule every run and process in a background runtime",
            "  status name=NAME [--json]                    runs, statuses, counts and output sets",
            "  stop-project name=NAME                       stop processing (committed work is kept)",
            "  stop-run name=NAME run=ID                    stop one run",
            "  continue-run name=NAME run=ID                schedule a stopped/finished run again",
            "  copy-run name=NAME run=ID [param=value ...]  copy a run with changed parameters and schedule it",
            "  close-stream name=NAME run=ID                tell an import to close its output now (STOP)",
            "  items name=NAME set=RUN.OUTPUT [limit=N] [--json]   list items of an output set",
            "  run PROTOCOL [param=value ...] --input GLOB --out DIR   run one protocol on files, no project needed",
            "  projects                                     list projects",
            "  protocols [--json]                           list installed protocols",
            "  runtime name=NAME                            process a project in this process until it ends",
            "  server [--port N] [--host H] [--stop | --status]   the long-running runtime: processes scheduled projects, serves the web (127.0.0.1:8180)",
            "  shell                                        interactive Felix (Gogo) shell",
            "  bench [items=N] [trickle=N] [threads=N]      streaming engine benchmark (100,000 items by default)",
            "Projects live in $SCIPION_USER_DATA/projects (default ~/ScipionUserData).");

    private final ProjectService projects;
    private final ProtocolRegistry registry;
    private final ExtraCommands extra;
    private final DemoStarter demos;

    @Activate
    public ScipionCli(@Reference ProjectService projects, @Reference ProtocolRegistry registry,
                      @Reference ExtraCommands extra, @Reference DemoStarter demos) {
        this.projects = projects;
        this.registry = registry;
        this.extra = extra;
        this.demos = demos;
    }

    ScipionCli(ProjectService projects, ProtocolRegistry registry, ExtraCommands extra) {
        this(projects, registry, extra, new DemoStarter(projects, registry, (Path) null, extra));
    }

    @Override
    public Integer apply(String[] args) {
        return run(CliArgs.parse(args), System.out, System.err);
    }

    int run(CliArgs a, PrintStream out, PrintStream err) {
        try {
            if (extra.has(a.command())) {
                return extra.run(a.command(), a.rest());
            }
            switch (a.command()) {
                case "help", "--help", "-h" -> out.println(USAGE + extra.usage());
                case "projects" -> projects.list().forEach(out::println);
                case "protocols" -> out.print(a.flag("json") ? ProtocolsReport.json(registry) : ProtocolsReport.text(registry));
                case "create-project" -> createProject(a, out);
                case "schedule-project" -> scheduleProject(a, out);
                case "status" -> status(a, out);
                case "stop-project" -> withProject(a, "stop-project name=NAME", p -> {
                    p.requestStop(0);
                    out.println(p.isProcessing() ? "Stop requested for project " + p.name()
                            : "Project " + p.name() + " stopped");
                });
                case "stop-run" -> withRun(a, "stop-run name=NAME run=ID", (p, id) -> {
                    p.requestStop(id);
                    out.println("Stop requested for run " + id);
                });
                case "continue-run" -> withRun(a, "continue-run name=NAME run=ID", (p, id) -> {
                    p.continueRun(id);
                    out.println("Run " + id + " scheduled; run 'scipion schedule-project name=" + p.name()
                            + "' if no runtime processes the project");
                });
                case "close-stream" -> withRun(a, "close-stream name=NAME run=ID", (p, id) -> {
                    p.requestCloseStream(id);
                    out.println("Stream of run " + id + " closes");
                });
                case "copy-run" -> copyRun(a, out);
                case "items" -> items(a, out);
                case "runtime" -> runtime(a, out);
                case "server" -> server(a, out);
                case "demo" -> {
                    return new Demo(demos, projects, out, isTerminal()).run(a.rest());
                }
                case "run" -> {
                    return new RunCommand(projects, registry, out).run(a.rest());
                }
                case "template" -> {
                    String scheduled = new TemplateCommand(projects, stdin(), out).run(a.rest(), System.getenv());
                    if (scheduled != null) {
                        runInBackground(scheduled, out);
                    }
                }
                case "export-workflow" -> exportWorkflow(a, out);
                default -> throw new ScipionException("unknown command '" + a.command() + "'\n" + USAGE + extra.usage());
            }
            return 0;
        } catch (ScipionException e) {
            err.println("scipion: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("scipion: interrupted");
            return 130;
        } catch (java.io.IOException e) {
            err.println("scipion: cannot read the terminal: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("scipion: internal error: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }

    private void createProject(CliArgs a, PrintStream out) {
        String usage = "create-project name=NAME workflow=PATH [--skip-unknown]";
        a.allow(Set.of("name", "workflow"), Set.of("skip-unknown"), usage);
        String name = a.require("name", usage);
        Path workflow = Path.of(a.require("workflow", usage)).toAbsolutePath();
        String json;
        try {
            json = java.nio.file.Files.readString(workflow, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ScipionException("cannot read workflow " + workflow + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + "; give the path of a Scipion workflow JSON file");
        }
        try (Project p = projects.create(name, json, workflow.toString(), a.flag("skip-unknown"))) {
            out.println("Project " + name + " created in " + p.dir() + " with " + p.runs().size() + " runs");
            if (a.flag("skip-unknown")) {
                Dropped.report(json, p, out);
            }
        }
    }

    private void scheduleProject(CliArgs a, PrintStream out) throws InterruptedException {
        String usage = "schedule-project name=NAME [--foreground]";
        a.allow(Set.of("name"), Set.of("foreground"), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            if (p.isProcessing()) {
                throw new ScipionException("project " + p.name() + " is already being processed; "
                        + "'scipion status name=" + p.name() + "' shows its progress");
            }
            p.schedule();
            if (a.flag("foreground")) {
                process(p, out);
            } else {
                runInBackground(p.name(), out);
            }
        }
    }

    /** Leaves the project to the running server, or asks the launcher to start one once this command returns. */
    void runInBackground(String project, PrintStream out) {
        java.util.OptionalLong server = ServerLock.running(userData());
        if (server.isPresent()) {
            out.println("Project " + project + " scheduled; the running server (pid " + server.getAsLong()
                    + ") processes it");
        } else {
            out.println("Project " + project + " scheduled");
            System.setProperty(BACKGROUND_PROJECT, project);
        }
    }

    private Path userData() {
        return projects.projectsDir().getParent();
    }

    private void server(CliArgs a, PrintStream out) throws InterruptedException {
        String usage = "server [--stop | --status]";
        a.allow(Set.of(), Set.of("stop", "status"), usage);
        java.util.OptionalLong running = ServerLock.running(userData());
        if (a.flag("status")) {
            out.println(running.isPresent() ? "server running (pid " + running.getAsLong() + ")" : "no server running");
            return;
        }
        if (a.flag("stop")) {
            if (running.isEmpty()) {
                out.println("no server running");
                return;
            }
            ProcessHandle handle = ProcessHandle.of(running.getAsLong()).orElseThrow(() -> new ScipionException(
                    "server pid " + running.getAsLong() + " is not a live process"));
            handle.destroy();
            handle.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
            out.println("server (pid " + running.getAsLong() + ") stopped; its projects resume at the next start");
            return;
        }
        try (ServerLock lock = ServerLock.acquire(userData()); ShellEndpoint.Listening shell = openShell(out)) {
            ProjectServer server = new ProjectServer(projects, out);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                server.stop();
                main.interrupt();
                server.awaitStopped(java.time.Duration.ofSeconds(60)); // NB: not main's end: it calls System.exit
            }, "scipion-server-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Server for " + userData() + " (pid " + ProcessHandle.current().pid() + ") processes "
                    + "scheduled projects; stop it with './scipion server --stop'");
            server.serve();
        }
    }

    /** Whether stdout is a terminal that understands ANSI cursor codes. */
    private static boolean isTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** The server's shell socket for 'scipion shell' (null: none); the server runs without it when it fails. */
    private ShellEndpoint.Listening openShell(PrintStream out) {
        ShellEndpoint endpoint = shellEndpoint;
        if (endpoint == null) {
            return null;
        }
        try {
            return endpoint.open(userData());
        } catch (java.io.IOException | RuntimeException e) {
            out.println("The server's shell socket (" + userData().resolve(ShellEndpoint.SOCKET) + ") cannot be opened: "
                    + e.getMessage() + "; 'scipion shell' will start a separate runtime");
            return null;
        }
    }

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    volatile ShellEndpoint shellEndpoint;

    /** The launcher's contract: see org.scipionj.launcher.Main#BACKGROUND_PROJECT. */
    static final String BACKGROUND_PROJECT = "scipion.background.project";

    private static java.io.BufferedReader stdin() {
        return new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void exportWorkflow(CliArgs a, PrintStream out) {
        String usage = "export-workflow name=NAME [out=PATH]";
        a.allow(Set.of("name", "out"), Set.of(), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            String json = p.exportWorkflow();
            String target = a.value("out", null);
            if (target == null) {
                out.println(json);
                return;
            }
            try {
                java.nio.file.Files.writeString(Path.of(target), json + "\n", java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new ScipionException("cannot write " + target + ": " + e.getMessage());
            }
            out.println("Workflow of project " + p.name() + " written to " + target);
        }
    }

    private void runtime(CliArgs a, PrintStream out) throws InterruptedException {
        String usage = "runtime name=NAME";
        a.allow(Set.of("name"), Set.of(), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            process(p, out);
        }
    }

    /** Processes the project here until every run has ended, printing progress as counts change. */
    static void process(Project p, PrintStream out) throws InterruptedException {
        Session session = p.start();
        out.println("Processing project " + p.name() + " (pid " + ProcessHandle.current().pid() + ")");
        String last = "";
        Thread hook = new Thread(session::shutdown, "scipion-stop-" + p.name());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // NB: already shutting down
        }
        try {
            while (!session.awaitEnd(Duration.ofSeconds(1))) {
                String now = progress(p);
                if (!now.equals(last)) {
                    out.println(now);
                    last = now;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // NB: shutting down: the hook runs
            }
        }
        out.print(StatusReport.text(p));
    }

    private static String progress(Project p) {
        StringBuilder line = new StringBuilder();
        for (RunInfo r : p.runs()) {
            line.append(line.length() == 0 ? "" : " | ").append(r.id()).append(' ').append(r.className()).append(": ")
                    .append(r.status().label()).append(' ').append(r.done()).append(" done");
            if (r.failed() > 0) {
                line.append(", ").append(r.failed()).append(" failed");
            }
        }
        return line.toString();
    }

    private void status(CliArgs a, PrintStream out) {
        String usage = "status name=NAME [--json]";
        a.allow(Set.of("name"), Set.of("json"), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            out.print(a.flag("json") ? StatusReport.json(p) + "\n" : StatusReport.text(p));
        }
    }

    private void copyRun(CliArgs a, PrintStream out) {
        String usage = "copy-run name=NAME run=ID [param=value ...]";
        try (Project p = projects.open(a.require("name", usage))) {
            long id = a.longValue("run", usage);
            RunInfo run = p.run(id).orElseThrow(() -> new ScipionException("project " + p.name() + " has no run " + id));
            Protocol protocol = registry.find(run.protocolId()).orElseThrow(() -> new ScipionException(
                    "protocol " + run.protocolId() + " is not installed"));
            Map<String, Object> changes = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : a.valuesExcept("name", "run").entrySet()) {
                Param param = protocol.descriptor().param(e.getKey()).orElseThrow(() -> new ScipionException(
                        "unknown parameter '" + e.getKey() + "' for " + run.className()));
                changes.put(e.getKey(), param.type() == org.scipionj.api.protocol.ParamType.STRING ? e.getValue()
                        : TextValues.parse(e.getValue()));
            }
            long copy = p.copyRun(id, changes);
            out.println("Run " + id + " copied as run " + copy + " (scheduled)");
        }
    }

    private void items(CliArgs a, PrintStream out) {
        String usage = "items name=NAME set=RUN.OUTPUT [limit=N] [--json]";
        a.allow(Set.of("name", "set", "limit"), Set.of("json"), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            String setName = a.require("set", usage);
            StreamingSet<?> set = p.set(setName).orElseThrow(() -> new ScipionException("project " + p.name()
                    + " has no output set '" + setName + "'; 'scipion status name=" + p.name() + "' lists them"));
            int limit;
            try {
                limit = Integer.parseInt(a.value("limit", "1000000"));
            } catch (NumberFormatException e) {
                throw new ScipionException("limit must be a whole number; usage: " + usage);
            }
            List<? extends Entry<?>> entries = set.read(0, limit);
            if (a.flag("json")) {
                out.println(StatusReport.write(entries.stream().map(Entry::item).toList()));
            } else {
                entries.forEach(e -> out.println(e.seq() + "\t" + e.item()));
            }
        }
    }

    private interface ProjectAction {
        void run(Project p) throws InterruptedException;
    }

    private interface RunAction {
        void run(Project p, long runId) throws InterruptedException;
    }

    private void withProject(CliArgs a, String usage, ProjectAction action) throws InterruptedException {
        a.allow(Set.of("name"), Set.of(), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            action.run(p);
        }
    }

    private void withRun(CliArgs a, String usage, RunAction action) throws InterruptedException {
        a.allow(Set.of("name", "run"), Set.of(), usage);
        try (Project p = projects.open(a.require("name", usage))) {
            long id = a.longValue("run", usage);
            if (p.run(id).isEmpty()) {
                throw new ScipionException("project " + p.name() + " has no run " + id
                        + "; 'scipion status name=" + p.name() + "' lists its runs");
            }
            action.run(p, id);
        }
    }
}
