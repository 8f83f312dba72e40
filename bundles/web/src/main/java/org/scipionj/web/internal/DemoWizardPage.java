package org.scipionj.web.internal;

import static org.scipionj.web.internal.Pages.escape;

import java.util.List;
import java.util.Map;

/**
 * The HTML of the demo wizard (server-rendered, works without JavaScript). Stateless.
 */
final class DemoWizardPage {

    private static final String STYLE = """
            <style>
            form.wizard label { display: block; margin-top: .8em; font-weight: bold; }
            form.wizard input[type=text], form.wizard input[type=number], form.wizard input[type=password],
            form.wizard select { min-width: 24em; padding: .2em; }
            form.wizard .hint { font-weight: normal; color: #666; margin-left: .5em; }
            form.wizard .invalid input, form.wizard .invalid select { border: 2px solid #b00; }
            form.wizard fieldset { margin-top: 1em; }
            p.field-error { color: #b00; margin: .2em 0; }
            form.wizard button { margin-top: 1.2em; padding: .4em 1.2em; }
            </style>
            """;

    private DemoWizardPage() {
    }

    /**
     * The wizard.
     *
     * @param values what to show in each input, by name (a checkbox is ticked when its name is present)
     * @param errors messages by input name
     * @param formError a message about the whole submission, or null
     */
    static String form(Map<String, String> values, Map<String, String> errors, String formError, List<String> presets) {
        StringBuilder b = new StringBuilder("<h2>Demo: a simulated session in streaming</h2>\n");
        b.append("<p>A simulated microscope writes movies into the data folder while a new project imports them in "
                + "streaming, aligns them (motioncorr), estimates their CTF (CTFFIND4) and, if chosen, curates the "
                + "micrographs, picks and extracts particles; the summary monitor writes the report. The same as "
                + "<code>./scipion demo</code>.</p>\n");
        if (formError != null) {
            b.append("<p class=\"error\" id=\"form-error\">").append(escape(formError)).append("</p>\n");
        }
        if (!errors.isEmpty()) {
            b.append("<p class=\"error\" id=\"error-count\">").append(errors.size())
                    .append(errors.size() == 1 ? " field needs" : " fields need").append(" a change (marked below).</p>\n");
        }
        b.append("<form class=\"wizard\" method=\"post\" action=\"/demo\">\n");
        input(b, DemoWizard.PROJECT, "Project name", "empty: demo-DATE-TIME", "text", values, errors, "");
        input(b, DemoWizard.DATA, "Data folder", "where the movies appear; empty: USER_DATA/demo-data/NAME", "text",
                values, errors, "");
        b.append("<div class=\"").append(errors.containsKey(DemoWizard.PRESET) ? "field invalid" : "field").append("\">")
                .append("<label for=\"preset\">Camera preset<span class=\"hint\">tiny: 512x512, 8 frames, 2 Å/px, "
                        + "seconds per movie</span></label>\n<select id=\"preset\" name=\"preset\">");
        String chosen = values.getOrDefault(DemoWizard.PRESET, presets.isEmpty() ? "" : presets.get(0));
        for (String p : presets) {
            b.append("<option value=\"").append(escape(p)).append('"').append(p.equals(chosen) ? " selected" : "")
                    .append('>').append(escape(p)).append("</option>");
        }
        b.append("</select>\n");
        error(b, DemoWizard.PRESET, errors);
        b.append("</div>\n");
        input(b, DemoWizard.COUNT, "Movies", "how many the microscope acquires", "number", values, errors,
                " step=\"1\" min=\"1\" required");
        input(b, DemoWizard.INTERVAL, "Interval (s)", "between the starts of two movies", "number", values, errors,
                " step=\"any\" min=\"0\"");
        input(b, DemoWizard.SAMPLING, "Sampling rate (Å/px)", "empty: the preset's", "number", values, errors,
                " step=\"any\"");
        input(b, DemoWizard.DOSE, "Dose per frame (e/Å²)", "empty: the preset's", "number", values, errors,
                " step=\"any\"");
        input(b, DemoWizard.VOLTAGE, "Voltage (kV)", "empty: 300", "number", values, errors, " step=\"any\"");
        b.append("<fieldset><legend>Steps</legend>\n")
                .append("<p>Motion correction (motioncorr) and CTF estimation (CTFFIND4) always run.</p>\n");
        checkbox(b, DemoWizard.PICKING, "Particle picking (EMAN2 boxer) and extraction", values, errors);
        checkbox(b, DemoWizard.CURATION, "Curation of the micrographs by CTF fit and drift (before picking)", values,
                errors);
        b.append("</fieldset>\n");
        input(b, DemoWizard.TOKEN, "Admin token", "from USER_DATA/runtime/admin.token", "password", Map.of(), errors,
                " autocomplete=\"off\"");
        b.append("<button type=\"submit\">Start the demo</button>\n</form>\n");
        return page("Demo wizard · Scipion-J", b.toString());
    }

    private static void input(StringBuilder b, String name, String label, String hint, String type,
            Map<String, String> values, Map<String, String> errors, String extra) {
        b.append("<div class=\"").append(errors.containsKey(name) ? "field invalid" : "field").append("\">")
                .append("<label for=\"").append(name).append("\">").append(escape(label))
                .append("<span class=\"hint\">").append(escape(hint)).append("</span></label>\n")
                .append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"").append(type)
                .append("\" value=\"").append(escape(values.getOrDefault(name, ""))).append('"').append(extra).append(">\n");
        error(b, name, errors);
        b.append("</div>\n");
    }

    private static void checkbox(StringBuilder b, String name, String label, Map<String, String> values,
            Map<String, String> errors) {
        b.append("<div class=\"").append(errors.containsKey(name) ? "field invalid" : "field").append("\">")
                .append("<input id=\"").append(name).append("\" name=\"").append(name)
                .append("\" type=\"checkbox\" value=\"true\"").append(values.containsKey(name) ? " checked" : "")
                .append("> <label for=\"").append(name).append("\" style=\"display:inline\">").append(escape(label))
                .append("</label>\n");
        error(b, name, errors);
        b.append("</div>\n");
    }

    private static void error(StringBuilder b, String name, Map<String, String> errors) {
        if (errors.containsKey(name)) {
            b.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(escape(errors.get(name)))
                    .append("</p>\n");
        }
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/static/style.css">
                %s</head>
                <body data-page="demo">
                <header><a href="/">Scipion-J</a> / <a href="/demo">demo</a></header>
                <main>
                %s</main>
                </body></html>
                """.formatted(escape(title), STYLE, body);
    }
}
