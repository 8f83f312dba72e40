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
 * created. Today it checks the protocol registry and, when a protocol is missing, fails naming each class and
 * the plugin bundle that provides it; installing the missing plugins (plugin repository, {@code installp}) belongs
 * in {@link #ensureInstalled}. Stateless, so thread-safe.
 */
final class DemoPlugins {

    /** Which plugin provides each protocol the distribution's templates use. */
    static final Map<String, String> PROVIDERS = Map.of(
            "ProtImportMovies", "scipionj-import",
            "ProtMotionCorr", "scipionj-plugin-motioncorr",
            "CistemProtCTFFind", "scipionj-plugin-ctffind",
            "EmanProtAutopick", "scipionj-plugin-eman",
            "XmippProtExtractParticles", "scipionj-plugin-eman",
            "ProtCurateMicrographs", "scipionj-monitor",
            "ProtMonitorSummary", "scipionj-monitor");

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
     * Makes sure every protocol of {@code workflowJson} is installed, saying on {@code out} what it does.
     *
     * @throws ScipionException naming the missing protocols and their plugins when they cannot be installed
     */
    static void ensureInstalled(ProtocolRegistry registry, String workflowJson, PrintStream out) {
        List<String> missing = new ArrayList<>();
        for (String className : classNames(workflowJson)) {
            if (registry.find(className).isEmpty()) {
                missing.add(className + " (plugin " + PROVIDERS.getOrDefault(className, "unknown") + ")");
            }
        }
        // NB: installing missing plugins from the plugin repository goes here, before the check below.
        if (!missing.isEmpty()) {
            throw new ScipionException("the demo needs protocols that are not installed: " + String.join(", ", missing)
                    + "; install those plugins into the distribution's bundle/ folder and run the demo again");
        }
    }
}
