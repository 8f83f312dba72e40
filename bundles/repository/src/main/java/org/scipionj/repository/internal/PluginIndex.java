package org.scipionj.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A repository's {@code index.json}:
 *
 * <pre>{@code
 * {"name": "Scipion-J bundled plugins",
 *  "plugins": [{"name": "motioncorr", "version": "1.0.0", "description": "...",
 *               "requires": {"api": "[1.0,2)", "plugins": []},
 *               "bundles": [{"file": "scipionj-plugin-motioncorr-1.0.0.jar", "sha256": "ab12..."}]}]}
 * }</pre>
 *
 * Immutable.
 */
public record PluginIndex(String name, List<Entry> plugins) {

    /** One file of a plugin, relative to the repository, with its SHA-256 (hex). */
    public record BundleFile(String file, String sha256) {
    }

    /** One installable plugin. {@code apiRange} is an OSGi version range of the API bundle, or null. */
    public record Entry(String name, String version, String description, String apiRange, List<String> requires,
                        List<BundleFile> bundles) {
    }

    public PluginIndex {
        plugins = List.copyOf(plugins);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<Entry> find(String pluginName) {
        return plugins.stream().filter(p -> p.name().equals(pluginName)).findFirst();
    }

    public List<String> names() {
        return plugins.stream().map(Entry::name).sorted().toList();
    }

    /**
     * @param where the index's location, for messages
     * @throws PluginException when the JSON is malformed or a field is missing
     */
    public static PluginIndex parse(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PluginException("the plugin index " + where + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""));
        }
        if (root == null || !root.path("plugins").isArray()) {
            throw new PluginException("the plugin index " + where + " has no \"plugins\" array");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode p : root.get("plugins")) {
            String at = where + " plugins[" + i++ + "]";
            List<BundleFile> files = new ArrayList<>();
            for (JsonNode b : p.path("bundles")) {
                files.add(new BundleFile(text(b, "file", at), text(b, "sha256", at).toLowerCase(java.util.Locale.ROOT)));
            }
            if (files.isEmpty()) {
                throw new PluginException("the plugin index " + at + " lists no \"bundles\"");
            }
            List<String> requires = new ArrayList<>();
            p.path("requires").path("plugins").forEach(r -> requires.add(r.asText()));
            String api = p.path("requires").path("api").isTextual() ? p.path("requires").path("api").asText() : null;
            entries.add(new Entry(text(p, "name", at), text(p, "version", at), p.path("description").asText(""), api,
                    List.copyOf(requires), List.copyOf(files)));
        }
        return new PluginIndex(root.path("name").asText(where), entries);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PluginException("the plugin index " + where + " needs a text field \"" + field + "\"");
        }
        return value.asText();
    }
}
