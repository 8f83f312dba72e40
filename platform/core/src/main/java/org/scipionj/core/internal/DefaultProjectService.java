package org.scipionj.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.ScipionException;
import org.scipionj.core.internal.engine.ThreadBudget;
import org.scipionj.core.internal.store.Database;
import org.scipionj.core.internal.store.ItemCodec;
import org.scipionj.core.internal.store.ProjectStore;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.workflow.WorkflowReader;

/**
 * Projects under {@code $SCIPION_USER_DATA/projects}: each a folder with {@code project.sqlite}. Owns the
 * runtime's thread budget ({@code scipion.threads}, default: the number of cores). Thread-safe.
 */
@Component(service = ProjectService.class)
public final class DefaultProjectService implements ProjectService {

    static final String DB_FILE = "project.sqlite";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private final Path projectsDir;
    private final ProtocolRegistry registry;
    private final ThreadBudget budget;
    private final ClusterExecutors executors;
    private final ItemCodec codec = new ItemCodec();

    @Activate
    public DefaultProjectService(BundleContext context, @Reference ProtocolRegistry registry,
                                 @Reference ClusterExecutors executors) {
        this(userData(context.getProperty("scipion.user.data")), registry, threads(context.getProperty("scipion.threads")),
                executors);
    }

    /** For tests and embedding: projects under {@code userData/projects}, {@code threads} worker threads. */
    public DefaultProjectService(Path userData, ProtocolRegistry registry, int threads) {
        this(userData, registry, threads, new ClusterExecutors(null, userData));
    }

    /** For tests and embedding, with cluster executors. */
    public DefaultProjectService(Path userData, ProtocolRegistry registry, int threads, ClusterExecutors executors) {
        this.projectsDir = userData.resolve("projects").toAbsolutePath();
        this.registry = registry;
        this.budget = new ThreadBudget(threads);
        this.executors = executors;
    }

    static Path userData(String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("SCIPION_USER_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), "ScipionUserData");
    }

    static int threads(String property) {
        if (property == null || property.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(property.trim()));
        } catch (NumberFormatException e) {
            throw new ScipionException("scipion.threads must be a whole number, not '" + property + "'");
        }
    }

    @Deactivate
    void deactivate() {
        budget.close();
    }

    @Override
    public Path projectsDir() {
        return projectsDir;
    }

    @Override
    public List<String> list() {
        if (!Files.isDirectory(projectsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(projectsDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(DB_FILE))).map(d -> d.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new ScipionException("cannot list " + projectsDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Project create(String name, Path workflow) {
        checkName(name);
        String json;
        try {
            json = Files.readString(workflow, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScipionException("cannot read workflow " + workflow + ": " + describe(e)
                    + "; give the path of a Scipion workflow JSON file");
        }
        return create(name, json, workflow.toString());
    }

    @Override
    public Project create(String name, String workflowJson, String source) {
        return create(name, workflowJson, source, false);
    }

    @Override
    public Project create(String name, String workflowJson, String source, boolean skipUnknown) {
        checkName(name);
        Path dir = projectsDir.resolve(name);
        if (Files.exists(dir)) {
            throw new ScipionException("project '" + name + "' already exists in " + projectsDir
                    + "; choose another name or delete that folder");
        }
        return createIn(dir, workflowJson, source, skipUnknown);
    }

    @Override
    public Project createAt(Path dir, String workflowJson, String source) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(DB_FILE))) {
            throw new ScipionException(abs + " already holds a project; give an empty or new folder");
        }
        return createIn(abs, workflowJson, source, false);
    }

    private Project createIn(Path dir, String workflowJson, String source, boolean skipUnknown) {
        String name = dir.getFileName().toString();
        List<RunRecord> runs = new WorkflowReader(registry::find, skipUnknown).read(workflowJson, source);
        Path parent = dir.getParent();
        Path staging = parent.resolve("." + name + ".creating");
        try {
            Files.createDirectories(parent);
            deleteTree(staging);
            Files.createDirectories(staging.resolve("Runs"));
            Files.createDirectories(staging.resolve("logs"));
            Files.writeString(staging.resolve("workflow.json"), workflowJson, StandardCharsets.UTF_8);
            try (ProjectStore store = new ProjectStore(Database.open(staging.resolve(DB_FILE), true), codec)) {
                store.insertRuns(runs);
            }
            if (Files.isDirectory(dir)) {
                moveInto(staging, dir);
            } else {
                Files.move(staging, dir);
            }
        } catch (IOException e) {
            throw new ScipionException("cannot create project folder " + dir + ": " + describe(e), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // NB: a leftover staging folder is ignored by list()
            }
        }
        return new DefaultProject(name, dir, new ProjectStore(Database.open(dir.resolve(DB_FILE), false), codec),
                registry, budget, executors);
    }

    /** Moves the staged project's entries into an existing (empty or unrelated) folder; the database last. */
    private static void moveInto(Path staging, Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().startsWith(DB_FILE)).toList()) {
                Path target = dir.resolve(p.getFileName());
                if (Files.exists(target)) {
                    throw new ScipionException(dir + " already has '" + p.getFileName() + "'; give an empty folder");
                }
                Files.move(p, target);
            }
        }
        Files.move(staging.resolve(DB_FILE), dir.resolve(DB_FILE));
    }

    @Override
    public Project open(String name) {
        checkName(name);
        Path dir = projectsDir.resolve(name);
        if (!Files.isRegularFile(dir.resolve(DB_FILE))) {
            throw new ScipionException("no project named '" + name + "' in " + projectsDir
                    + (list().isEmpty() ? "" : "; projects: " + String.join(", ", list())));
        }
        return new DefaultProject(name, dir, new ProjectStore(Database.open(dir.resolve(DB_FILE), false), codec),
                registry, budget, executors);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ScipionException("'" + name + "' is not a valid project name: use letters, digits, '.', '_' "
                    + "and '-' (starting with a letter or digit, at most 80 characters)");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
