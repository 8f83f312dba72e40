package org.scipionj.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.scipionj.api.item.Item;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON export: the project, the run (id, class, label, status, parameters) and each exported output set with
 * every item: {@code seq} (its position in the set), {@code type}, every typed field under its Scipion-J name (units
 * in the names) and the {@code attributes} map as stored. Streamed to the file, so sets of any size fit. Stateless.
 */
final class JsonExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {
    }

    static Written write(Project project, RunInfo run, List<OutputInfo> outputs, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling("." + out.getFileName() + ".part");
        int rows = 0;
        try (OutputStream stream = Files.newOutputStream(tmp);
             JsonGenerator g = JSON.getFactory().createGenerator(stream)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("project", project.name());
            g.writeObjectFieldStart("run");
            g.writeNumberField("id", run.id());
            g.writeStringField("className", run.className());
            g.writeStringField("label", run.label());
            g.writeStringField("status", run.status().label());
            g.writeObjectField("params", run.params());
            g.writeEndObject();
            g.writeArrayFieldStart("outputs");
            for (OutputInfo o : outputs) {
                StreamingSet<?> set = project.set(o.name()).orElseThrow();
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("itemType", o.itemType());
                g.writeStringField("state", set.state().name());
                g.writeArrayFieldStart("items");
                int[] size = {0};
                SetItems.forEachPage(set, page -> {
                    for (Entry<? extends Item> e : page) {
                        g.writeTree(item(e));
                        size[0]++;
                    }
                });
                g.writeEndArray();
                g.writeNumberField("size", size[0]);
                g.writeEndObject();
                rows += size[0];
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(out, rows, List.of(out), List.of());
    }

    /** One item: seq, type, then its fields as Jackson writes the record. */
    static ObjectNode item(Entry<? extends Item> e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", e.seq());
        node.put("type", e.item().getClass().getSimpleName());
        node.setAll((ObjectNode) JSON.valueToTree(e.item()));
        return node;
    }
}
