package org.scipionj.shell.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;
import org.scipionj.api.session.DemoService;
import org.scipionj.api.session.DemoSession;
import org.scipionj.core.workflow.TemplateField;
import org.scipionj.core.workflow.WorkflowTemplate;

/**
 * The demo service: fills a template of the distribution's {@code workflows/} folder ({@code scipion.home}) with
 * the acquisition's values, makes sure its plugins are installed ({@link DemoPlugins}: installs the missing ones), creates and schedules the
 * project, starts the simulator ({@code scipion testdata}, log in {@code logs/demo-NAME-acquisition.log}) and the
 * background server when none runs. Thread-safe (one start at a time).
 */
@Component(service = {DemoService.class, DemoStarter.class})
public final class DemoStarter implements DemoService {

    static final String SUFFIX = ".json.template";
    private static final int MAX_COUNT = 100_000;

    private final ProjectService projects;
    private final ProtocolRegistry registry;
    private final Path workflows;
    private final LauncherProcess launcher;
    private final ServerStarter servers;
    private final ExtraCommands commands;

    @Activate
    public DemoStarter(@Reference ProjectService projects, @Reference ProtocolRegistry registry,
            @Reference ExtraCommands commands, BundleContext context) {
        this(projects, registry, home(context), commands);
    }

    /**
     * @param home     the distribution folder (its {@code workflows/} and {@code lib/launcher.jar}), or null
     * @param commands the command whiteboard ({@code installp}), or null
     */
    DemoStarter(ProjectService projects, ProtocolRegistry registry, Path home, ExtraCommands commands) {
        this(projects, registry, home == null ? Path.of("workflows") : home.resolve("workflows"),
                new LauncherProcess(home, userData(projects)), commands);
    }

    DemoStarter(ProjectService projects, ProtocolRegistry registry, Path workflows, LauncherProcess launcher,
            ExtraCommands commands) {
        this.projects = projects;
        this.registry = registry;
        this.workflows = workflows;
        this.launcher = launcher;
        this.servers = new ServerStarter(userData(projects), launcher);
        this.commands = commands;
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("scipion.home");
        return home == null || home.isBlank() ? null : Path.of(home);
    }

    static Path userData(ProjectService projects) {
        return projects.projectsDir().toAbsolutePath().getParent();
    }

    @Override
    public List<String> presets() {
        return DemoAcquisition.PRESETS;
    }

    @Override
    public List<String> templates() {
        if (!Files.isDirectory(workflows)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(workflows)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public DemoSession start(DemoRequest request) {
        try {
            DemoSession s = start(request, new PrintStream(OutputStream.nullOutputStream()));
            DemoStreamCloser.inBackground(projects, s);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScipionException("interrupted while starting the demo");
        }
    }

    /** {@link #start(DemoRequest)}, saying what it does on {@code out}. */
    synchronized DemoSession start(DemoRequest r, PrintStream out) throws InterruptedException {
        if (r.count() < 1 || r.count() > MAX_COUNT) {
            throw new ScipionException("the number of movies must be between 1 and " + MAX_COUNT + ", not " + r.count());
        }
        if (!(r.interval_s() >= 0 && r.interval_s() <= 3600)) {
            throw new ScipionException("the interval between movies must be 0 to 3600 seconds, not " + r.interval_s());
        }
        if (r.port() != null && (r.port() < 0 || r.port() > 65535)) {
            throw new ScipionException("the web port must be 0..65535 (0: any free port), not " + r.port());
        }
        DemoAcquisition acquisition = DemoAcquisition.of(r);
        Path template = template(r.template());
        String name = r.name() == null || r.name().isBlank()
                ? "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) : r.name().trim();
        if (projects.list().contains(name)) {
            throw new ScipionException("a project named " + name + " exists already; choose another name");
        }
        Path userData = userData(projects);
        Path data = (r.dataFolder() != null ? r.dataFolder() : userData.resolve("demo-data").resolve(name))
                .toAbsolutePath().normalize();
        if (Files.exists(data.resolve("dataset.json"))) {
            throw new ScipionException("the data folder " + data + " already holds a simulated dataset; choose "
                    + "another folder (or project name)");
        }
        String json = fill(template, acquisition.answers(data, r.interval_s()));
        DemoPlugins.ensureInstalled(registry, json, commands, out);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new ScipionException("cannot create the data folder " + data + ": " + e.getMessage());
        }
        try (Project p = projects.create(name, json, template.toString())) {
            p.schedule();
            out.println("Project " + name + " created from " + template + " (" + p.runs().size() + " runs) and scheduled");
        }
        Path log = userData.resolve("logs").resolve("demo-" + name + "-acquisition.log");
        Process simulator = launcher.start(log, acquisition.simulatorArgs(data, r.count(), r.interval_s())
                .toArray(String[]::new));
        out.println("Simulated acquisition (" + acquisition.describe() + "): " + r.count() + " movies, one every "
                + DemoAcquisition.num(r.interval_s()) + " s, into " + data + " (pid " + simulator.pid() + ", log " + log + ")");
        ServerStarter.Server server = servers.ensureRunning(r.port());
        out.println((server.started() ? "Server started in the background (pid " : "The running server (pid ")
                + server.pid() + ") processes it; log: " + ServerStarter.log(userData)
                + "; './scipion server --stop' stops it");
        if (!server.started() && r.port() != null) {
            out.println("(--port " + r.port() + " is ignored: the running server keeps its address)");
        }
        return new DemoSession(name, template, data, acquisition.pattern(), r.count(), simulator.pid(), log,
                server.pid(), server.webUrl());
    }

    private Path template(String name) {
        String n = name == null || name.isBlank() ? DemoRequest.DEFAULT_TEMPLATE : name.trim();
        Path file = workflows.resolve(n.endsWith(SUFFIX) ? n : n + SUFFIX).normalize();
        if (!file.startsWith(workflows.normalize()) || !Files.isRegularFile(file)) {
            throw new ScipionException("no workflow template '" + n + "' in " + workflows.toAbsolutePath()
                    + "; available: " + String.join(", ", templates())
                    + (templates().isEmpty() ? " (none: is this an assembled distribution?)" : ""));
        }
        return file;
    }

    /** The template filled with the answers whose alias it has (its defaults for the rest). */
    static String fill(Path template, Map<String, String> answers) {
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScipionException("cannot read the workflow template " + template + ": " + e.getMessage());
        }
        WorkflowTemplate t = WorkflowTemplate.parse(text, template.toString());
        List<String> aliases = new ArrayList<>();
        for (TemplateField f : t.fields()) {
            aliases.add(f.alias());
        }
        Map<String, String> known = new LinkedHashMap<>(answers);
        known.keySet().retainAll(aliases);
        return t.fill(known, System::getenv);
    }
}
