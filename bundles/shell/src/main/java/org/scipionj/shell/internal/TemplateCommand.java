package org.scipionj.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ScipionException;
import org.scipionj.core.workflow.TemplateField;
import org.scipionj.core.workflow.WorkflowTemplate;

/**
 * {@code scipion template PATH [alias=value ...] [--name NAME] [--noschedule] [--skip-unknown]}: fills a
 * workflow template (fields given as {@code alias=value}, the others asked on the terminal with their default
 * and type checked), creates the project and schedules it.
 */
final class TemplateCommand {

    static final String USAGE = "template PATH [alias=value ...] [--name NAME] [--noschedule] [--skip-unknown]";

    private final ProjectService projects;
    private final BufferedReader in;
    private final PrintStream out;

    TemplateCommand(ProjectService projects, BufferedReader in, PrintStream out) {
        this.projects = projects;
        this.in = in;
        this.out = out;
    }

    /** @return the created project's name, scheduled unless {@code --noschedule} */
    String run(String[] args, Map<String, String> environment) throws IOException {
        Path path = null;
        String name = null;
        boolean schedule = true;
        boolean skipUnknown = false;
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--name") && i + 1 < args.length) {
                name = args[++i];
            } else if (a.startsWith("--name=")) {
                name = a.substring(7);
            } else if (a.equals("--noschedule")) {
                schedule = false;
            } else if (a.equals("--skip-unknown")) {
                skipUnknown = true;
            } else if (!a.startsWith("--") && a.contains("=")) {
                answers.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (path == null && !a.startsWith("--")) {
                path = Path.of(a);
            } else {
                throw new ScipionException("template: unexpected argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (path == null) {
            throw new ScipionException("template needs the template's path; usage: " + USAGE);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScipionException("cannot read template " + path + ": " + e.getMessage());
        }
        WorkflowTemplate template = WorkflowTemplate.parse(text, path.toString());
        if (!template.description().isEmpty()) {
            out.println(template.description());
        }
        for (TemplateField field : template.fields()) {
            if (!answers.containsKey(field.alias())) {
                answers.put(field.alias(), ask(field, environment));
            }
        }
        String json = template.fill(answers, environment::get);
        String projectName = name != null ? name : stem(path) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try (Project p = projects.create(projectName, json, path.toString(), skipUnknown)) {
            out.println("Project " + projectName + " created in " + p.dir() + " with " + p.runs().size() + " runs");
            if (schedule) {
                p.schedule();
            }
        }
        return schedule ? projectName : null;
    }

    /** Asks one field until the answer fits its type; an empty answer (or end of input) takes the default. */
    private String ask(TemplateField field, Map<String, String> environment) throws IOException {
        String fallback = field.defaultValue();
        try {
            fallback = WorkflowTemplate.parse("[\"~" + field.label() + "|" + field.defaultValue() + "|0~\"]", "")
                    .fill(Map.of(), environment::get).replaceAll("^\\[\"|\"\\]$", "");
        } catch (ScipionException e) {
            // NB: the default names an unset variable; the user must answer
        }
        while (true) {
            out.print(field.label() + " (" + field.alias() + ", " + field.kind().name().toLowerCase() + ") ["
                    + fallback + "]: ");
            out.flush();
            String line = in.readLine();
            String answer = line == null || line.isBlank() ? fallback : line.trim();
            if (line == null) {
                out.println();
            }
            try {
                return field.check(answer);
            } catch (IllegalArgumentException e) {
                if (line == null) {
                    throw new ScipionException(e.getMessage() + " (no more input to ask again)");
                }
                out.println("  " + e.getMessage());
            }
        }
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString().replace(".json.template", "").replace(".template", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
