package org.scipionj.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.scipionj.api.project.Project;

/** Says which runs of a workflow {@code --skip-unknown} left out of a project. */
final class Dropped {

    private Dropped() {
    }

    static void report(String workflowJson, Project created, PrintStream out) {
        List<?> entries;
        try {
            entries = StatusReport.MAPPER.readValue(workflowJson, List.class);
        } catch (java.io.IOException e) {
            return;
        }
        Set<String> kept = created.runs().stream().map(r -> String.valueOf(r.id())).collect(Collectors.toSet());
        for (Object o : entries) {
            if (o instanceof Map<?, ?> m && !kept.contains(String.valueOf(m.get("object.id")))) {
                out.println("  dropped run " + m.get("object.id") + " (" + m.get("object.className") + ", "
                        + m.get("object.label") + ")");
            }
        }
    }
}
