package org.scipionj.repository.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.repository.internal.PluginFolder.InstalledBundle;
import org.scipionj.repository.internal.PluginFolder.InstalledPlugin;

/**
 * installp / uninstallp: plans (dependencies first), downloads into a staging folder, verifies SHA-256 checksums,
 * checks the API range, resolves the bundles on trial in this framework, and only then commits the files to the
 * installed-plugins folder and deploys them. A refusal changes nothing. Serialised: one operation at a time per
 * runtime, and per user-data folder through the folder's file lock.
 */
@Component(service = PluginInstaller.class)
public final class PluginInstaller {

    static final String API_BUNDLE = "org.scipionj.api";
    private final BundleContext context;
    private final PluginDeployer deployer;

    @Activate
    public PluginInstaller(BundleContext context, @Reference PluginDeployer deployer) {
        this.context = context;
        this.deployer = deployer;
    }

    /** The repository of the distribution, {@code $scipion.home/repository}. */
    public Repository defaultRepository() {
        String home = context.getProperty("scipion.home");
        if (home == null) {
            throw new PluginException("no repository given and no scipion.home to find the bundled one; "
                    + "use --repo DIR|URL");
        }
        return Repository.open(Path.of(home, "repository").toString());
    }

    public PluginFolder folder() {
        return deployer.folder();
    }

    /** One staged bundle of a plan, with the plugin it belongs to. */
    private record Staged(String plugin, String version, String source, BundleJar jar) {
    }

    /**
     * Installs the named plugins and what they require; a plugin installed at the same version is left alone,
     * an older one is replaced (upgrade).
     *
     * @param onlyMissing true ({@code --if-missing}): plugins installed at any version are left alone, silently
     *        (the demo's "make sure it is there")
     */
    public synchronized void install(Repository repo, List<String> names, boolean onlyMissing, PrintStream out) {
        PluginIndex index = repo.index();
        List<PluginIndex.Entry> plan = plan(index, names, repo);
        try (PluginFolder.Lock lock = folder().lock()) {
            Path staging = Files.createTempDirectory(folder().dir(), ".staging-");
            try {
                List<Staged> staged = new ArrayList<>();
                for (PluginIndex.Entry entry : plan) {
                    if (onlyMissing && folder().find(entry.name()).isPresent()) {
                        continue;
                    }
                    List<Staged> bundles = new ArrayList<>();
                    for (PluginIndex.BundleFile file : entry.bundles()) {
                        Path target = staging.resolve(Path.of(file.file()).getFileName().toString());
                        repo.download(file.file(), target);
                        String actual = BundleJar.sha256(target);
                        if (!actual.equals(file.sha256())) {
                            throw new PluginException("checksum mismatch for " + repo.location() + file.file()
                                    + " (plugin " + entry.name() + "): the index says SHA-256 " + file.sha256()
                                    + ", the file has " + actual + "; the repository is corrupt or changed while "
                                    + "downloading, nothing was installed");
                        }
                        bundles.add(new Staged(entry.name(), entry.version(), repo.location(), BundleJar.read(target)));
                    }
                    checkApi(entry);
                    if (upToDate(entry.name(), bundles)) {
                        out.println(entry.name() + " " + entry.version() + " is already installed");
                        continue;
                    }
                    staged.addAll(bundles);
                }
                commit(staged, out);
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new PluginException("cannot stage plugins in " + folder().dir() + ": " + e.getMessage());
        }
    }

    /** Installs a bundle file (a third-party plugin); its name is its Bundle-SymbolicName. */
    public synchronized void installFile(Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            throw new PluginException("no bundle file " + file + "; give the path of a plugin jar (--file PATH.jar)");
        }
        BundleJar jar = BundleJar.read(file);
        try (PluginFolder.Lock lock = folder().lock()) {
            Path staging = Files.createTempDirectory(folder().dir(), ".staging-");
            try {
                Path copy = staging.resolve(jar.installedName());
                Files.copy(file, copy);
                BundleJar staged = BundleJar.read(copy);
                Staged s = new Staged(staged.symbolicName(), staged.version().toString(), file.toAbsolutePath().toString(),
                        staged);
                if (upToDate(s.plugin(), List.of(s))) {
                    out.println(s.plugin() + " " + s.version() + " is already installed");
                    return;
                }
                commit(List.of(s), out);
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new PluginException("cannot stage " + file + " in " + folder().dir() + ": " + e.getMessage());
        }
    }

    /** Uninstalls plugins by name (or bundle symbolic name); running runs keep the code they loaded. */
    public synchronized void uninstall(List<String> names, PrintStream out) {
        try (PluginFolder.Lock lock = folder().lock()) {
            List<InstalledPlugin> installed = new ArrayList<>(folder().installed());
            List<InstalledPlugin> removed = new ArrayList<>();
            for (String name : names) {
                InstalledPlugin p = folder().find(name).orElseThrow(() -> new PluginException("plugin '" + name
                        + "' is not installed; installed: " + installedNames(installed)));
                removed.add(p);
            }
            installed.removeAll(removed);
            folder().write(installed);
            for (InstalledPlugin p : removed) {
                for (InstalledBundle b : p.bundles()) {
                    Files.deleteIfExists(folder().dir().resolve(b.file()));
                }
            }
            deployer.reconcile().forEach(p -> out.println("warning: " + p));
            for (InstalledPlugin p : removed) {
                out.println("Uninstalled " + p.name() + " " + p.version() + "; its protocols are gone, finished "
                        + "results stay readable");
            }
        } catch (IOException e) {
            throw new PluginException("cannot update the installed-plugins folder " + folder().dir() + ": "
                    + e.getMessage());
        }
    }

    /** Available (in {@code repo}) and installed plugins, with versions. */
    public void list(Repository repo, PrintStream out) {
        List<InstalledPlugin> installed = folder().installed();
        Map<String, String[]> rows = new LinkedHashMap<>();
        PluginIndex index = null;
        String error = null;
        try {
            index = repo.index();
        } catch (PluginException e) {
            error = e.getMessage();
        }
        if (index != null) {
            for (PluginIndex.Entry e : index.plugins()) {
                rows.put(e.name(), new String[] {e.name(), e.version(), "-", e.description()});
            }
        }
        for (InstalledPlugin p : installed) {
            String[] row = rows.computeIfAbsent(p.name(), n -> new String[] {n, "-", "-", "from " + p.source()});
            row[2] = p.version();
            Optional<PluginIndex.Entry> offered = index == null ? Optional.empty() : index.find(p.name());
            if (offered.isPresent() && !offered.get().bundles().stream().map(PluginIndex.BundleFile::sha256)
                    .collect(java.util.stream.Collectors.toSet())
                    .equals(p.bundles().stream().map(InstalledBundle::sha256).collect(java.util.stream.Collectors.toSet()))) {
                row[3] = "(other build available: 'installp -p " + p.name() + "') " + row[3];
            }
        }
        out.println("Repository: " + repo.location() + (error != null ? " (unavailable: " + error + ")" : ""));
        out.println("Installed in: " + folder().dir());
        out.printf("%-24s %-14s %-14s %s%n", "PLUGIN", "AVAILABLE", "INSTALLED", "DESCRIPTION");
        rows.values().stream().sorted(Comparator.comparing(r -> r[0]))
                .forEach(r -> out.printf("%-24s %-14s %-14s %s%n", r[0], r[1], r[2], r[3]));
    }

    /** Installed plugins with the state of each bundle in this runtime. */
    public String plugins() {
        StringBuilder out = new StringBuilder();
        Map<String, Bundle> deployed = new LinkedHashMap<>();
        deployer.deployed().forEach(b -> deployed.put(b.getSymbolicName() + "_" + b.getVersion(), b));
        for (InstalledPlugin p : folder().installed()) {
            out.append(p.name()).append(' ').append(p.version()).append("  (").append(p.source()).append(")\n");
            for (InstalledBundle b : p.bundles()) {
                Bundle bundle = deployed.get(b.symbolicName() + "_" + b.version());
                out.append("  ").append(b.symbolicName()).append(' ').append(b.version()).append("  ")
                        .append(bundle == null ? "not deployed yet" : state(bundle)).append('\n');
            }
        }
        return out.length() == 0 ? "no plugins installed in " + folder().dir() + "\n" : out.toString();
    }

    private List<PluginIndex.Entry> plan(PluginIndex index, List<String> names, Repository repo) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : names) {
            visit(index, name, ordered, new LinkedHashSet<>(), repo);
        }
        return ordered.stream().map(n -> index.find(n).orElseThrow()).toList();
    }

    private void visit(PluginIndex index, String name, Set<String> ordered, Set<String> path, Repository repo) {
        if (ordered.contains(name)) {
            return;
        }
        PluginIndex.Entry entry = index.find(name).orElseThrow(() -> new PluginException("plugin '" + name
                + "' is not in the repository " + repo.location() + (path.isEmpty() ? "" : " (required by "
                + String.join(" <- ", path) + ")") + "; available: " + String.join(", ", index.names())));
        if (!path.add(name)) {
            throw new PluginException("plugins " + String.join(" -> ", path) + " -> " + name + " require each other "
                    + "in a cycle in " + repo.location() + Repository.INDEX);
        }
        for (String required : entry.requires()) {
            visit(index, required, ordered, new LinkedHashSet<>(path), repo);
        }
        ordered.add(name);
    }

    private void checkApi(PluginIndex.Entry entry) {
        if (entry.apiRange() == null) {
            return;
        }
        VersionRange range;
        try {
            range = VersionRange.valueOf(entry.apiRange());
        } catch (IllegalArgumentException e) {
            throw new PluginException("plugin " + entry.name() + " has an invalid API range '" + entry.apiRange() + "'");
        }
        Optional<Bundle> api = Stream.of(context.getBundles()).filter(b -> API_BUNDLE.equals(b.getSymbolicName()))
                .findFirst();
        if (api.isEmpty()) {
            return; // NB: the trial resolution names the missing API packages
        }
        Version v = api.get().getVersion();
        Version release = new Version(v.getMajor(), v.getMinor(), v.getMicro());
        if (!range.includes(release)) {
            throw new PluginException("plugin " + entry.name() + " " + entry.version() + " needs API " + range
                    + " but this runtime has " + API_BUNDLE + " " + release + "; install a version of the plugin "
                    + "built for this API, or upgrade Scipion-J");
        }
    }

    /**
     * True when the plugin is installed with exactly these bundle versions.
     *
     * @throws PluginException when a newer version is installed (a downgrade needs an uninstallp first)
     */
    private boolean upToDate(String plugin, List<Staged> bundles) {
        Optional<InstalledPlugin> installed = folder().find(plugin);
        if (installed.isEmpty()) {
            return false;
        }
        boolean same = true;
        for (Staged s : bundles) {
            Optional<InstalledBundle> old = installed.get().bundles().stream()
                    .filter(b -> b.symbolicName().equals(s.jar().symbolicName())).findFirst();
            if (old.isEmpty()) {
                same = false;
                continue;
            }
            int cmp = Version.parseVersion(old.get().version()).compareTo(s.jar().version());
            if (cmp > 0) {
                throw new PluginException(plugin + ": " + s.jar().symbolicName() + " " + old.get().version()
                        + " is installed, newer than " + s.jar().version() + "; 'uninstallp -p " + plugin
                        + "' first to go back to an older version");
            }
            same &= cmp == 0 && old.get().sha256().equals(s.jar().sha256());
        }
        return same && installed.get().bundles().size() == bundles.size();
    }

    /** Trial resolution, then the files and the record, then live deployment. The caller holds the lock. */
    private void commit(List<Staged> staged, PrintStream out) throws IOException {
        if (staged.isEmpty()) {
            return;
        }
        List<String> problems = TrialResolution.check(context, staged.stream().map(Staged::jar).toList());
        if (!problems.isEmpty()) {
            throw new PluginException("refused, nothing was installed:\n  " + String.join("\n  ", problems));
        }
        List<InstalledPlugin> installed = new ArrayList<>(folder().installed());
        Map<String, List<Staged>> byPlugin = new LinkedHashMap<>();
        staged.forEach(s -> byPlugin.computeIfAbsent(s.plugin(), k -> new ArrayList<>()).add(s));
        List<Path> obsolete = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, List<Staged>> e : byPlugin.entrySet()) {
            Optional<InstalledPlugin> old = folder().find(e.getKey());
            old.ifPresent(o -> {
                installed.remove(o);
                o.bundles().forEach(b -> obsolete.add(folder().dir().resolve(b.file())));
            });
            List<InstalledBundle> bundles = new ArrayList<>();
            for (Staged s : e.getValue()) {
                String name = s.jar().installedName();
                Files.move(s.jar().path(), folder().dir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                obsolete.remove(folder().dir().resolve(name));
                bundles.add(new InstalledBundle(name, s.jar().symbolicName(), s.jar().version().toString(),
                        s.jar().sha256()));
            }
            Staged first = e.getValue().get(0);
            installed.add(new InstalledPlugin(e.getKey(), first.version(), first.source(), bundles));
            done.add((old.isPresent() ? "Upgraded " + e.getKey() + " " + old.get().version() + " -> "
                    : "Installed " + e.getKey() + " ") + first.version() + " ("
                    + String.join(", ", bundles.stream().map(b -> b.symbolicName() + " " + b.version()).toList()) + ")");
        }
        for (Path p : obsolete) {
            Files.deleteIfExists(p);
        }
        folder().write(installed);
        deployer.reconcile().forEach(p -> out.println("warning: " + p));
        done.forEach(out::println);
    }

    private static String installedNames(List<InstalledPlugin> installed) {
        return installed.isEmpty() ? "none" : String.join(", ", installed.stream().map(InstalledPlugin::name).toList());
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // NB: a staging folder left behind is ignored by the launcher (only *.jar files directly inside count)
        }
    }
}
