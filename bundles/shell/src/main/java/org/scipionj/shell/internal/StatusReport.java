package org.scipionj.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A project's runs as a text table or JSON, for {@code status}, the Gogo shell and scripts. */
final class StatusReport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusReport() {
    }

    static String text(Project project) {
        StringBuilder out = new StringBuilder();
        out.append("Project ").append(project.name()).append(project.isProcessing() ? " (processing)" : "")
                .append("  ").append(project.dir()).append('\n');
        out.append(String.format("%4s  %-9s %7s %7s  %-40s %s%n", "ID", "STATUS", "DONE", "FAILED", "RUN", "OUTPUTS"));
        for (RunInfo r : project.runs()) {
            List<String> outs = new ArrayList<>();
            for (OutputInfo o : r.outputs()) {
                outs.add(o.name().substring(o.name().indexOf('.') + 1) + " " + o.size() + " " + o.state());
            }
            out.append(String.format("%4d  %-9s %7d %7d  %-40s %s%n", r.id(), r.status().label(), r.done(), r.failed(),
                    r.label() + " (" + r.className() + ")", String.join(", ", outs)));
            if (r.error() != null) {
                out.append("      error: ").append(r.error()).append('\n');
            }
            Map<String, Long> by = project.processedBy(r.id());
            if (by.size() > 1) {
                out.append("      processed by: ");
                by.forEach((bundle, n) -> out.append(bundle).append(" (").append(n).append(") "));
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String json(Project project) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project.name());
        root.put("dir", project.dir().toString());
        root.put("processing", project.isProcessing());
        List<Object> runs = new ArrayList<>();
        for (RunInfo r : project.runs()) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", r.id());
            run.put("label", r.label());
            run.put("className", r.className());
            run.put("protocol", r.protocolId());
            run.put("status", r.status().label());
            run.put("done", r.done());
            run.put("failed", r.failed());
            run.put("error", r.error());
            run.put("bundle", r.bundle());
            run.put("processedBy", project.processedBy(r.id()));
            run.put("inputs", r.inputs());
            List<Object> outputs = new ArrayList<>();
            for (OutputInfo o : r.outputs()) {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("name", o.name());
                set.put("type", o.itemType());
                set.put("size", o.size());
                set.put("state", o.state().name());
                outputs.add(set);
            }
            run.put("outputs", outputs);
            runs.add(run);
        }
        root.put("runs", runs);
        return write(root);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
