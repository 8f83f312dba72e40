package org.scipionj.web.internal;

import static org.scipionj.web.internal.Pages.escape;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.core.workflow.TemplateField;
import org.scipionj.core.workflow.WorkflowTemplate;

/**
 * The HTML of the template form (server-rendered, works without JavaScript): the list of templates, and one
 * template's form with its fields (label, alias, type, default), the project name and the admin token, each with
 * its error message when a submission was refused. Stateless.
 */
final class TemplatePages {

    private static final String STYLE = """
            <style>
            form.template label { display: block; margin-top: .8em; font-weight: bold; }
            form.template input, form.template select { min-width: 24em; padding: .2em; }
            form.template .hint { font-weight: normal; color: #666; margin-left: .5em; }
            form.template .invalid input, form.template .invalid select { border: 2px solid #b00; }
            p.field-error { color: #b00; margin: .2em 0; }
            form.template button { margin-top: 1.2em; padding: .4em 1.2em; }
            </style>
            """;

    private TemplatePages() {
    }

    /** The list page: every template with the first line of its description. */
    static String list(List<TemplateCatalog.Entry> entries, Map<String, String> descriptions, List<Path> folders) {
        StringBuilder body = new StringBuilder("<h2>New session from a workflow template</h2>\n");
        if (entries.isEmpty()) {
            body.append("<p class=\"error\">No workflow templates (<code>*.json.template</code>) in ")
                    .append(folders.isEmpty() ? "any folder: neither scipion.home nor scipion.workflows is set"
                            : escape(String.join(", ", folders.stream().map(Path::toString).toList())))
                    .append(".</p><p>Put templates in the distribution's <code>workflows/</code> folder, or start the "
                            + "server with <code>-Dscipion.workflows=DIR</code>.</p>\n");
        } else {
            body.append("<table id=\"templates\"><tr><th>template</th><th>description</th></tr>\n");
            for (TemplateCatalog.Entry e : entries) {
                body.append("<tr><td><a href=\"/templates/").append(escape(e.id())).append("\">").append(escape(e.id()))
                        .append("</a></td><td>").append(escape(descriptions.getOrDefault(e.id(), ""))).append("</td></tr>\n");
            }
            body.append("</table>\n<p class=\"muted\">From ")
                    .append(escape(String.join(", ", folders.stream().map(Path::toString).toList()))).append("</p>\n");
        }
        return page("Workflow templates · Scipion-J", "", body.toString());
    }

    /**
     * One template's form.
     *
     * @param values what to show in each input, by input name ({@code projectName}, {@code field0}, ...)
     * @param errors messages by input name
     * @param formError a message about the whole submission (a workflow that does not load), or null
     */
    static String form(String id, WorkflowTemplate template, Map<String, String> values, Map<String, String> errors,
                       String formError) {
        StringBuilder body = new StringBuilder();
        body.append("<h2>").append(escape(id)).append("</h2>\n");
        if (!template.description().isEmpty()) {
            body.append("<pre class=\"description\">").append(escape(template.description())).append("</pre>\n");
        }
        if (formError != null) {
            body.append("<p class=\"error\" id=\"form-error\">").append(escape(formError)).append("</p>\n");
        }
        if (!errors.isEmpty()) {
            body.append("<p class=\"error\" id=\"error-count\">").append(errors.size()).append(errors.size() == 1
                    ? " field needs" : " fields need").append(" a change (marked below).</p>\n");
        }
        body.append("<form class=\"template\" method=\"post\" action=\"/templates/").append(escape(id)).append("\">\n");
        input(body, TemplateForm.PROJECT, "Project name", "letters, digits, '.', '_', '-'", "text",
                values.get(TemplateForm.PROJECT), errors.get(TemplateForm.PROJECT), "");
        List<TemplateField> fields = template.fields();
        for (int i = 0; i < fields.size(); i++) {
            TemplateField f = fields.get(i);
            String name = TemplateForm.fieldName(i);
            String hint = f.alias() + ", " + f.kind().name().toLowerCase(Locale.ROOT);
            if (f.kind() == TemplateField.Kind.BOOLEAN) {
                select(body, name, f.label(), hint, values.get(name), errors.get(name));
            } else {
                String type = switch (f.kind()) {
                    case INTEGER, DECIMAL -> "number";
                    default -> "text";
                };
                String extra = switch (f.kind()) {
                    case INTEGER -> " step=\"1\"";
                    case DECIMAL -> " step=\"any\"";
                    case PATH, FOLDER -> " required";
                    default -> "";
                };
                input(body, name, f.label(), hint, type, values.get(name), errors.get(name), extra);
            }
        }
        input(body, TemplateForm.TOKEN, "Admin token", "from USER_DATA/runtime/admin.token", "password", "",
                errors.get(TemplateForm.TOKEN), " autocomplete=\"off\"");
        body.append("<button type=\"submit\">Create and schedule</button>\n</form>\n");
        return page(id + " · Scipion-J", " / <a href=\"/templates\">templates</a>", body.toString());
    }

    private static void input(StringBuilder b, String name, String label, String hint, String type, String value,
                              String error, String extra) {
        b.append("<div class=\"").append(error == null ? "field" : "field invalid").append("\">")
                .append("<label for=\"").append(name).append("\">").append(escape(label))
                .append("<span class=\"hint\">").append(escape(hint)).append("</span></label>\n")
                .append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"")
                .append(type).append("\" value=\"").append(escape(value == null ? "" : value)).append('"')
                .append(extra).append(">\n");
        error(b, name, error);
        b.append("</div>\n");
    }

    private static void select(StringBuilder b, String name, String label, String hint, String value, String error) {
        boolean yes = value != null && value.equalsIgnoreCase("true");
        b.append("<div class=\"").append(error == null ? "field" : "field invalid").append("\">")
                .append("<label for=\"").append(name).append("\">").append(escape(label))
                .append("<span class=\"hint\">").append(escape(hint)).append("</span></label>\n")
                .append("<select id=\"").append(name).append("\" name=\"").append(name).append("\">")
                .append("<option value=\"true\"").append(yes ? " selected" : "").append(">yes</option>")
                .append("<option value=\"false\"").append(yes ? "" : " selected").append(">no</option></select>\n");
        error(b, name, error);
        b.append("</div>\n");
    }

    private static void error(StringBuilder b, String name, String error) {
        if (error != null) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(escape(error))
                    .append("</p>\n");
        }
    }

    /** A page with the site's header and style sheet; no script needed. */
    static String page(String title, String crumbs, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/static/style.css">
                %s</head>
                <body data-page="templates">
                <header><a href="/">Scipion-J</a>%s</header>
                <main>
                %s</main>
                </body></html>
                """.formatted(escape(title), STYLE, crumbs, body);
    }
}
