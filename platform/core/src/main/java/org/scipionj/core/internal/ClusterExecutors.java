package org.scipionj.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.scipionj.api.executor.ClusterExecutor;

/**
 * The installed cluster executors (the whiteboard of {@link ClusterExecutor} services, by their
 * {@code scipion.executor} name), and the command a batch job runs on a compute node: this distribution's
 * launcher in worker mode ({@code java -cp HOME/lib/launcher.jar org.scipionj.launcher.Main worker --batch FILE}),
 * which needs the distribution, the project and the data on a filesystem the nodes share. Thread-safe.
 */
@Component(service = ClusterExecutors.class)
public final class ClusterExecutors {

    private final Map<String, ClusterExecutor> executors = new ConcurrentSkipListMap<>();
    private final Path home;
    private final Path userData;

    @Activate
    public ClusterExecutors(BundleContext context) {
        this(Optional.ofNullable(context.getProperty("scipion.home")).map(Path::of).orElse(null),
                DefaultProjectService.userData(context.getProperty("scipion.user.data")));
    }

    /** For tests and embedding. */
    public ClusterExecutors(Path home, Path userData) {
        this.home = home;
        this.userData = userData;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(ClusterExecutor executor, Map<String, Object> properties) {
        executors.put(nameOf(executor, properties), executor);
    }

    public void remove(ClusterExecutor executor, Map<String, Object> properties) {
        executors.remove(nameOf(executor, properties), executor);
    }

    /** The executor named {@code name}, or the only one installed when {@code name} is null. */
    public Optional<Map.Entry<String, ClusterExecutor>> find(String name) {
        if (name != null) {
            ClusterExecutor e = executors.get(name);
            return e == null ? Optional.empty() : Optional.of(Map.entry(name, e));
        }
        return executors.size() == 1 ? Optional.of(executors.entrySet().iterator().next()) : Optional.empty();
    }

    /** The names of the installed executors. */
    public List<String> names() {
        return new ArrayList<>(executors.keySet());
    }

    /**
     * The command that processes a batch file on a compute node.
     *
     * @throws IllegalStateException when this runtime does not run from a distribution (no {@code scipion.home})
     */
    public List<String> workerCommand(Path batchFile) {
        Path launcher = home == null ? null : home.resolve("lib").resolve("launcher.jar");
        if (launcher == null || !Files.isRegularFile(launcher)) {
            throw new IllegalStateException("cannot build the cluster job's command: the distribution's launcher "
                    + (launcher == null ? "is unknown (no scipion.home)" : launcher + " does not exist")
                    + "; run the server from the distribution (bin/scipion or lib/launcher.jar)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> forwarded = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("scipion.") && !key.startsWith("scipion.http.") && !key.equals("scipion.home")) {
                forwarded.put(key, String.valueOf(v));
            }
        });
        forwarded.put("scipion.user.data", userData.toAbsolutePath().toString());
        forwarded.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(launcher.toString());
        cmd.add("org.scipionj.launcher.Main");
        cmd.add("worker");
        cmd.add("--batch");
        cmd.add(batchFile.toAbsolutePath().toString());
        return cmd;
    }

    private static String nameOf(ClusterExecutor executor, Map<String, Object> properties) {
        Object name = properties.get(ClusterExecutor.NAME_PROPERTY);
        return name == null ? executor.getClass().getSimpleName() : String.valueOf(name);
    }
}
