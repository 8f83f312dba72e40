package org.scipionj.core.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scipionj.api.project.ScipionException;

/**
 * A Scipion workflow template: free description lines, then workflow JSON holding {@code %(ENV)s} variables
 * and {@code ~label|default|type|alias~} fields. {@link #fill} puts answers (by alias) into the fields and
 * resolves variables, giving workflow JSON. Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkflowTemplate t = WorkflowTemplate.parse(Files.readString(path), path.toString());
 * String json = t.fill(Map.of("moviesPath", "/data/s42", "sampling", "0.83"), System::getenv);
 * }</pre>
 */
public final class WorkflowTemplate {

    private static final Pattern VARIABLE = Pattern.compile("%\\(([A-Za-z_][A-Za-z0-9_]*)\\)s");

    private final String source;
    private final String description;
    private final String body;
    private final List<TemplateField> fields;

    private WorkflowTemplate(String source, String description, String body, List<TemplateField> fields) {
        this.source = source;
        this.description = description;
        this.body = body;
        this.fields = fields;
    }

    /**
     * Reads a template.
     *
     * @param source where it came from, for messages
     * @throws ScipionException naming the line of a malformed field
     */
    public static WorkflowTemplate parse(String text, String source) {
        int start = jsonStart(text);
        if (start < 0) {
            throw new ScipionException("template " + source + " has no workflow: expected a line starting with '[' "
                    + "after the description");
        }
        String description = text.substring(0, start).strip();
        String body = text.substring(start);
        List<TemplateField> fields = new ArrayList<>();
        forEachField(body, source, (field, inString) -> {
            if (fields.stream().noneMatch(f -> f.alias().equals(field.alias()) && f.label().equals(field.label()))) {
                fields.add(field);
            }
            return "";
        });
        return new WorkflowTemplate(source, description, body, List.copyOf(fields));
    }

    private static int jsonStart(String text) {
        int at = 0;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("[")) {
                return at;
            }
            at += line.length() + 1;
        }
        return -1;
    }

    /** The description lines before the JSON. */
    public String description() {
        return description;
    }

    /** The distinct fields in order of appearance (a field used twice is listed once). */
    public List<TemplateField> fields() {
        return fields;
    }

    /**
     * Workflow JSON with every field filled: from {@code answers} (by alias, or by label), else its default;
     * then {@code %(ENV)s} variables resolved with {@code environment}.
     *
     * @throws ScipionException for an answer of the wrong type, an unknown alias, or a variable that is not set
     */
    public String fill(Map<String, String> answers, Function<String, String> environment) {
        List<String> unknown = new ArrayList<>();
        for (String key : answers.keySet()) {
            if (fields.stream().noneMatch(f -> f.alias().equals(key) || f.label().equals(key))) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ScipionException("template " + source + " has no field " + String.join(", ", unknown)
                    + "; its fields: " + String.join(", ", fields.stream().map(f -> f.alias()).distinct().toList()));
        }
        Map<TemplateField, String> values = new LinkedHashMap<>();
        for (TemplateField f : fields) {
            String answer = answers.containsKey(f.alias()) ? answers.get(f.alias()) : answers.get(f.label());
            try {
                values.put(f, f.check(answer == null ? resolve(f.defaultValue(), environment) : answer));
            } catch (IllegalArgumentException e) {
                throw new ScipionException("template " + source + ": " + e.getMessage());
            }
        }
        String filled = forEachField(body, source, (field, inString) -> {
            String value = values.entrySet().stream().filter(e -> e.getKey().alias().equals(field.alias())
                    && e.getKey().label().equals(field.label())).findFirst().orElseThrow().getValue();
            if (inString) {
                return escape(value);
            }
            return field.isLiteral() ? value : "\"" + escape(value) + "\"";
        });
        return resolve(filled, environment);
    }

    private String resolve(String text, Function<String, String> environment) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new ScipionException("template " + source + " uses the environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.stream().distinct().toList())
                    + ", which " + (missing.size() > 1 ? "are" : "is") + " not set; set it or answer the fields "
                    + "that use it");
        }
        return out.toString();
    }

    /** Replacement for one field occurrence. */
    private interface FieldVisitor {
        String visit(TemplateField field, boolean insideString);
    }

    /** Walks the JSON text, tracking whether each {@code ~…~} field sits inside a JSON string. */
    private static String forEachField(String body, String source, FieldVisitor visitor) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inString = false;
        int line = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '~') {
                int end = body.indexOf('~', i + 1);
                if (end < 0) {
                    throw new ScipionException("template " + source + ", line " + line + " of the JSON: a field opened "
                            + "with '~' is never closed");
                }
                out.append(visitor.visit(field(body.substring(i + 1, end), source, line), inString));
                i = end;
                continue;
            }
            if (inString && c == '\\' && i + 1 < body.length()) {
                out.append(c).append(body.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static TemplateField field(String spec, String source, int line) {
        String[] parts = spec.split("\\|", -1);
        String where = "template " + source + ", line " + line + " of the JSON, field ~" + spec + "~";
        if (parts.length < 3 || parts.length > 4) {
            throw new ScipionException(where + ": expected ~label|default|type~ or ~label|default|type|alias~");
        }
        try {
            TemplateField.Kind kind = TemplateField.kindOf(parts[2], parts[1], where);
            String alias = parts.length == 4 && !parts[3].isBlank() ? parts[3].trim() : parts[0].trim();
            return new TemplateField(parts[0].trim(), parts[1], kind, alias);
        } catch (IllegalArgumentException e) {
            throw new ScipionException(e.getMessage());
        }
    }

    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
