package org.scipionj.web.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ScipionException;
import org.scipionj.core.workflow.TemplateField;
import org.scipionj.core.workflow.WorkflowTemplate;

/**
 * The workflow template form, the web twin of {@code scipion template}:
 * <pre>
 * GET  /templates          the templates of the {@link TemplateCatalog}
 * GET  /templates/ID       the form: project name, every field with its default, the admin token
 * POST /templates/ID       checks every value (type, environment variables, project name, token); refused: the form
 *                          again with the values given and one message per field (400, or 401 for the token);
 *                          accepted: creates the project, schedules it (the server processes it) and redirects
 *                          (303) to /projects/NAME/
 * </pre>
 * Thread-safe.
 */
final class TemplateForm {

    static final String PROJECT = "projectName";
    static final String TOKEN = "token";
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern VARIABLE = Pattern.compile("%\\(([A-Za-z_][A-Za-z0-9_]*)\\)s");

    private final ProjectService projects;
    private final AdminToken token;
    private final TemplateCatalog catalog;
    private final Function<String, String> environment;
    private final Supplier<LocalDateTime> clock;

    TemplateForm(ProjectService projects, AdminToken token, TemplateCatalog catalog,
                 Function<String, String> environment, Supplier<LocalDateTime> clock) {
        this.projects = projects;
        this.token = token;
        this.catalog = catalog;
        this.environment = environment;
        this.clock = clock;
    }

    static String fieldName(int index) {
        return "field" + index;
    }

    /** Answers a request under {@code /templates}; never throws. */
    WebReply handle(WebRequest r) {
        try {
            List<String> s = SafePaths.segments(r.rawPath());
            boolean get = r.method().equals("GET") || r.method().equals("HEAD");
            if (s.size() == 1 && get) {
                return html(200, list());
            }
            if (s.size() == 2) {
                TemplateCatalog.Entry entry = catalog.find(s.get(1)).orElseThrow(() -> WebException.notFound(
                        "no workflow template '" + s.get(1) + "'; /templates lists them"));
                WorkflowTemplate template = read(entry);
                if (get) {
                    return html(200, TemplatePages.form(entry.id(), template, defaults(entry, template), Map.of(), null));
                }
                if (r.method().equals("POST")) {
                    return submit(entry, template, r);
                }
                throw new WebException(405, "the template form answers GET and POST");
            }
            throw WebException.notFound("no page " + r.rawPath() + "; start at /templates");
        } catch (WebException e) {
            return html(e.status(), TemplatePages.page("Error · Scipion-J", "", "<p class=\"error\">"
                    + Pages.escape(e.getMessage()) + "</p>"));
        } catch (ScipionException e) {
            return html(409, TemplatePages.page("Error · Scipion-J", "", "<p class=\"error\">"
                    + Pages.escape(e.getMessage()) + "</p>"));
        } catch (RuntimeException e) {
            return html(500, TemplatePages.page("Error · Scipion-J", "", "<p class=\"error\">internal error: "
                    + Pages.escape(e.toString()) + "</p>"));
        }
    }

    private String list() {
        List<TemplateCatalog.Entry> entries = catalog.list();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (TemplateCatalog.Entry e : entries) {
            try {
                String d = read(e).description();
                descriptions.put(e.id(), d.isEmpty() ? "" : d.lines().findFirst().orElse(""));
            } catch (ScipionException | WebException bad) {
                descriptions.put(e.id(), "cannot be used: " + bad.getMessage());
            }
        }
        return TemplatePages.list(entries, descriptions, catalog.folders());
    }

    private static WorkflowTemplate read(TemplateCatalog.Entry e) {
        try {
            return WorkflowTemplate.parse(Files.readString(e.file(), StandardCharsets.UTF_8), e.file().toString());
        } catch (IOException io) {
            throw new WebException(500, "cannot read template " + e.file() + ": " + io.getMessage());
        }
    }

    /** The values the form starts with: a fresh project name, each field's default with the server's variables. */
    private Map<String, String> defaults(TemplateCatalog.Entry entry, WorkflowTemplate template) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PROJECT, entry.id().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + clock.get().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<TemplateField> fields = template.fields();
        for (int i = 0; i < fields.size(); i++) {
            TemplateField f = fields.get(i);
            String value = substitute(f.defaultValue());
            try {
                value = f.check(value);
            } catch (IllegalArgumentException e) {
                // NB: shown as written; the submission says what is wrong
            }
            values.put(fieldName(i), value);
        }
        return values;
    }

    /** {@code %(VAR)s} replaced where the server's environment has VAR; the rest left as written. */
    private String substitute(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = environment.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private WebReply submit(TemplateCatalog.Entry entry, WorkflowTemplate template, WebRequest r) {
        Map<String, String> form = formFields(r.body());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.getOrDefault(PROJECT, "").trim();
        values.put(PROJECT, name);
        if (name.isEmpty()) {
            errors.put(PROJECT, "give the new project a name");
        } else if (!PROJECT_NAME.matcher(name).matches()) {
            errors.put(PROJECT, "'" + name + "' is not a valid project name: use letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit (at most 80 characters)");
        } else if (projects.list().contains(name)) {
            errors.put(PROJECT, "a project named '" + name + "' already exists; choose another name");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        List<TemplateField> fields = template.fields();
        for (int i = 0; i < fields.size(); i++) {
            TemplateField f = fields.get(i);
            String given = form.getOrDefault(fieldName(i), "");
            values.put(fieldName(i), given);
            try {
                String checked = f.check(given);
                Matcher unset = VARIABLE.matcher(checked);
                while (unset.find()) {
                    if (environment.apply(unset.group(1)) == null) {
                        throw new IllegalArgumentException("'" + f.label() + "' uses %(" + unset.group(1) + ")s, which "
                                + "the server's environment does not set; write the value itself");
                    }
                }
                answers.put(f.alias(), checked);
            } catch (IllegalArgumentException e) {
                errors.put(fieldName(i), e.getMessage());
            }
        }
        boolean tokenRefused = false;
        try {
            String t = form.getOrDefault(TOKEN, "").trim();
            token.check(t.isEmpty() && r.authorization() != null ? r.authorization() : "Bearer " + t);
        } catch (WebException e) {
            errors.put(TOKEN, e.getMessage());
            tokenRefused = true;
        }
        if (!errors.isEmpty()) {
            return html(tokenRefused ? 401 : 400, TemplatePages.form(entry.id(), template, values, errors, null));
        }
        try {
            String json = template.fill(answers, environment);
            try (Project p = projects.create(name, json, entry.file().toString())) {
                p.schedule();
            }
        } catch (ScipionException e) {
            return html(409, TemplatePages.form(entry.id(), template, values, Map.of(), "The project was not created: "
                    + e.getMessage()));
        }
        return new WebReply(303, WebReply.TEXT, ("/projects/" + name + "/").getBytes(StandardCharsets.UTF_8), null);
    }

    /** An {@code application/x-www-form-urlencoded} body; the first value of a repeated name wins. */
    static Map<String, String> formFields(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                out.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw WebException.badRequest("the form data is not URL-encoded (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static WebReply html(int status, String html) {
        return WebReply.of(status, WebReply.HTML, html);
    }
}
