package org.scipionj.repository.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * Installs bundle files into the running framework under a trial location, asks the framework to resolve them,
 * names what is missing for those that do not resolve, and uninstalls them again: the runtime is left as it
 * was, whatever the outcome. Stateless.
 */
final class TrialResolution {

    static final String LOCATION_PREFIX = "scipion-trial:";
    private static final Set<String> CHECKED = Set.of(PackageNamespace.PACKAGE_NAMESPACE, "osgi.wiring.bundle",
            "osgi.extender", "osgi.ee");
    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]*)\\)");
    private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]*)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([^)]*)\\)\\)");

    private TrialResolution() {
    }

    /** @return one line per bundle that does not resolve, naming what it misses (empty: all resolve) */
    static List<String> check(BundleContext context, List<BundleJar> jars) {
        List<String> problems = new ArrayList<>();
        List<Bundle> trial = new ArrayList<>();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        try {
            for (BundleJar jar : jars) {
                try (InputStream in = Files.newInputStream(jar.path())) {
                    trial.add(context.installBundle(LOCATION_PREFIX + jar.path().getFileName(), in));
                } catch (BundleException | IOException e) {
                    problems.add(jar.symbolicName() + " " + jar.version() + " cannot be installed: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            wiring.resolveBundles(trial);
            for (Bundle b : trial) {
                if (b.getState() == Bundle.INSTALLED) {
                    problems.add(b.getSymbolicName() + " " + b.getVersion() + " does not resolve: " + missing(context, b));
                }
            }
            return problems;
        } finally {
            for (Bundle b : trial) {
                try {
                    b.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    // NB: already gone
                }
            }
            if (!trial.isEmpty()) {
                Refresh.await(wiring, trial);
            }
        }
    }

    /** The requirements of {@code bundle} no bundle of the framework offers, in words. */
    private static String missing(BundleContext context, Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        Set<String> lines = new TreeSet<>();
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            String namespace = req.getNamespace();
            Map<String, String> directives = req.getDirectives();
            if (!CHECKED.contains(namespace) || Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String filterText = directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (filterText == null) {
                continue;
            }
            Filter filter;
            try {
                filter = FrameworkUtil.createFilter(filterText);
            } catch (InvalidSyntaxException e) {
                lines.add(namespace + " " + filterText + " (invalid filter)");
                continue;
            }
            List<String> offered = new ArrayList<>();
            boolean satisfied = false;
            for (Bundle other : context.getBundles()) {
                BundleRevision r = other.adapt(BundleRevision.class);
                if (r == null || other.getState() == Bundle.UNINSTALLED) {
                    continue;
                }
                for (BundleCapability cap : r.getDeclaredCapabilities(namespace)) {
                    if (filter.matches(cap.getAttributes())) {
                        satisfied = true;
                    } else if (namespace.equals(PackageNamespace.PACKAGE_NAMESPACE)
                            && packageName(filterText).equals(cap.getAttributes().get(namespace))) {
                        offered.add(String.valueOf(cap.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
                    }
                }
            }
            if (!satisfied) {
                lines.add(describe(namespace, filterText, offered));
            }
        }
        if (lines.isEmpty()) {
            // NB: every requirement has a candidate (a uses conflict…): the framework's own words
            try {
                bundle.start();
                return "the framework resolved it only when started";
            } catch (BundleException e) {
                return e.getMessage();
            }
        }
        return "missing " + String.join("; ", lines);
    }

    static String describe(String namespace, String filter, List<String> offered) {
        if (!namespace.equals(PackageNamespace.PACKAGE_NAMESPACE)) {
            return namespace + " " + filter;
        }
        StringBuilder out = new StringBuilder("package ").append(packageName(filter));
        Matcher lower = LOWER.matcher(filter);
        Matcher upper = UPPER.matcher(filter);
        if (lower.find()) {
            out.append(" version [").append(lower.group(1)).append(',')
                    .append(upper.find() ? upper.group(1) + ")" : "∞)");
        }
        out.append(offered.isEmpty() ? " (no bundle exports it)"
                : " (this runtime exports version " + String.join(", ", new TreeSet<>(offered)) + ")");
        return out.toString();
    }

    private static String packageName(String filter) {
        Matcher m = PACKAGE.matcher(filter);
        return m.find() ? m.group(1) : filter;
    }
}
