package org.scipionj.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.ScipionException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place where the demo makes sure the plugins its workflow needs are installed, before anything is
 * created: protocols missing from the registry are installed with {@code scipion installp -p NAME --if-missing}
 * (the plugin repository's command, when that bundle is present), saying so, and then awaited in the registry;
 * what still misses fails the demo naming each class and its plugin. Stateless, so thread-safe.
 */
final class DemoPlugins {

    /** Which plugin ({@code installp -p NAME}) provides each protocol the distribution's templates use. */
    static final Map<String, String> PLUGINS = Map.of(
            "ProtMotionCorr", "motioncorr",
            "CistemProtCTFFind", "ctffind",
            "EmanProtAutopick", "eman",
            "XmippProtExtractParticles", "eman");
    static final long INSTALL_WAIT_MS = 60_000;

    private DemoPlugins() {
    }

    /** The Scipion class names of a workflow's runs, in order, without repeats. */
    static Set<String> classNames(String workflowJson) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (Object run : new ObjectMapper().readValue(workflowJson, List.class)) {
                if (run instanceof Map<?, ?> m && m.get("object.className") != null) {
                    names.add(m.get("object.className").toString());
                }
            }
        } catch (java.io.IOException e) {
            throw new ScipionException("the demo workflow is not valid JSON: " + e.getMessage());
        }
        return names;
    }

    /**
     * Makes sure every protocol of {@code workflowJson} is installed, installing the missing plugins through the
     * {@code installp} command of {@code commands} (null: none) and saying so on {@code out}.
     *
     * @throws ScipionException naming the missing protocols and their plugins when they cannot be installed
     */
    static void ensureInstalled(ProtocolRegistry registry, String workflowJson, ExtraCommands commands,
            PrintStream out) throws InterruptedException {
        List<String> missing = missing(registry, workflowJson);
        Set<String> plugins = new LinkedHashSet<>();
        missing.forEach(c -> {
            if (PLUGINS.containsKey(c)) {
                plugins.add(PLUGINS.get(c));
            }
        });
        if (!plugins.isEmpty() && commands != null && commands.has("installp")) {
            out.println("Installing the plugins the demo needs: " + String.join(", ", plugins));
            List<String> args = new ArrayList<>();
            plugins.forEach(p -> args.addAll(List.of("-p", p)));
            args.add("--if-missing");
            int code = commands.run("installp", args.toArray(String[]::new));
            if (code != 0) {
                throw new ScipionException("installing the plugins " + String.join(", ", plugins) + " failed (exit "
                        + "code " + code + ", message above); install them with './scipion installp -p NAME'");
            }
            long deadline = System.currentTimeMillis() + INSTALL_WAIT_MS;
            while (!(missing = missing(registry, workflowJson)).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100); // NB: the installed bundles register their protocols asynchronously
            }
        }
        if (!missing.isEmpty()) {
            List<String> named = missing.stream().map(c -> c + " (plugin " + PLUGINS.getOrDefault(c, "unknown") + ")")
                    .toList();
            throw new ScipionException("the demo needs protocols that are not installed: " + String.join(", ", named)
                    + "; install them with './scipion installp -p NAME' and run the demo again");
        }
    }

    private static List<String> missing(ProtocolRegistry registry, String workflowJson) {
        return classNames(workflowJson).stream().filter(c -> registry.find(c).isEmpty()).toList();
    }
}
