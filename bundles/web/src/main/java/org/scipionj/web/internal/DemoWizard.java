package org.scipionj.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;
import org.scipionj.api.session.DemoService;
import org.scipionj.api.session.DemoSession;

/**
 * The demo wizard, like Scipion's: a page to start the demo from a browser, the same session as
 * {@code scipion demo} (through {@link DemoService}).
 *
 * <pre>
 * GET  /demo    the form: project name, data folder, preset, movies and interval, sampling, dose, voltage, which
 *               steps (CTF estimation, picking and extraction, curation), the admin token
 * POST /demo    checks every value and the admin token (form field {@code token} or {@code Authorization: Bearer});
 *               refused: the form again with the values and one message per field (400, or 401 for the token);
 *               accepted: starts the demo and answers 303 to the project's page
 * </pre>
 *
 * The steps choose the template: CTF only {@code preprocessing}, with picking {@code demo}, with curation
 * {@code preprocessing-curation}. Thread-safe.
 */
final class DemoWizard {

    static final String PROJECT = "projectName";
    static final String DATA = "dataFolder";
    static final String PRESET = "preset";
    static final String COUNT = "count";
    static final String INTERVAL = "interval";
    static final String SAMPLING = "samplingRate";
    static final String DOSE = "dosePerFrame";
    static final String VOLTAGE = "voltage";
    static final String PICKING = "picking";
    static final String CURATION = "curation";
    static final String TOKEN = "token";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private final DemoService demos;
    private final AdminToken token;

    DemoWizard(DemoService demos, AdminToken token) {
        this.demos = demos;
        this.token = token;
    }

    WebReply handle(WebRequest r) {
        String path = r.rawPath();
        if (!path.equals("/demo") && !path.equals("/demo/")) {
            return html(404, DemoWizardPage.page("Not found · Scipion-J", "<p class=\"error\">No page " + Pages.escape(path)
                    + "; the demo wizard is at <a href=\"/demo\">/demo</a>.</p>"));
        }
        return switch (r.method()) {
            case "GET", "HEAD" -> html(200, DemoWizardPage.form(defaults(), Map.of(), null, demos.presets()));
            case "POST" -> submit(r);
            default -> html(405, DemoWizardPage.page("Method not allowed · Scipion-J",
                    "<p class=\"error\">Use GET to see the wizard and POST to start the demo.</p>"));
        };
    }

    private static Map<String, String> defaults() {
        DemoRequest d = DemoRequest.defaults();
        Map<String, String> v = new LinkedHashMap<>();
        v.put(COUNT, String.valueOf(d.count()));
        v.put(INTERVAL, number(d.interval_s()));
        v.put(PICKING, "true");
        return v;
    }

    private WebReply submit(WebRequest r) {
        Map<String, String> form = fields(r.body());
        Map<String, String> errors = new LinkedHashMap<>();
        DemoRequest request = DemoRequest.defaults();
        String name = form.getOrDefault(PROJECT, "").trim();
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            errors.put(PROJECT, "a project name is letters, digits, '.', '_' and '-' (at most 80), starting with a "
                    + "letter or digit; empty: demo-DATE-TIME");
        }
        request = request.withName(name.isEmpty() ? null : name);
        String data = form.getOrDefault(DATA, "").trim();
        if (!data.isEmpty() && !Path.of(data).isAbsolute()) {
            errors.put(DATA, "give an absolute folder (or leave it empty for USER_DATA/demo-data/NAME)");
        }
        request = request.withDataFolder(data.isEmpty() ? null : Path.of(data));
        String preset = form.getOrDefault(PRESET, "").trim();
        if (!preset.isEmpty() && !demos.presets().contains(preset)) {
            errors.put(PRESET, "choose one of " + String.join(", ", demos.presets()));
        }
        request = request.withPreset(preset.isEmpty() ? null : preset);
        Double count = decimal(form, COUNT, 1, 10_000, true, errors);
        Double interval = decimal(form, INTERVAL, 0, 3600, false, errors);
        if (count != null) {
            request = request.withCount(count.intValue());
        }
        if (interval != null) {
            request = request.withInterval(interval);
        }
        request = request.withOptics(decimal(form, SAMPLING, 0.2, 20, false, errors),
                decimal(form, DOSE, 0.01, 50, false, errors), decimal(form, VOLTAGE, 60, 1000, false, errors));
        boolean picking = form.containsKey(PICKING);
        boolean curation = form.containsKey(CURATION);
        if (curation && !picking) {
            errors.put(CURATION, "curation chooses the micrographs that picking reads: tick picking too");
        }
        String template = curation ? "preprocessing-curation" : picking ? "demo" : "preprocessing";
        if (!demos.templates().contains(template)) {
            errors.put(PICKING, "the template " + template + " is not in the distribution's workflows/ folder ("
                    + String.join(", ", demos.templates()) + ")");
        }
        request = request.withTemplate(template);
        boolean tokenRefused = false;
        try {
            String t = form.getOrDefault(TOKEN, "").trim();
            token.check(t.isEmpty() ? r.authorization() : "Bearer " + t);
        } catch (WebException e) {
            errors.put(TOKEN, e.getMessage());
            tokenRefused = true;
        }
        if (!errors.isEmpty()) {
            return html(tokenRefused ? 401 : 400, DemoWizardPage.form(form, errors, null, demos.presets()));
        }
        try {
            DemoSession s = demos.start(request);
            return WebReply.of(303, WebReply.TEXT, "/projects/" + s.project() + "/");
        } catch (ScipionException e) {
            return html(400, DemoWizardPage.form(form, errors, e.getMessage(), demos.presets()));
        }
    }

    /** A number field: empty is null (the default), unless required; else a message in {@code errors}. */
    private static Double decimal(Map<String, String> form, String key, double min, double max, boolean whole,
            Map<String, String> errors) {
        String v = form.getOrDefault(key, "").trim();
        if (v.isEmpty()) {
            if (whole) {
                errors.put(key, "give a whole number from " + number(min) + " to " + number(max));
            }
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max && (!whole || d == Math.rint(d))) {
                return d;
            }
        } catch (NumberFormatException e) {
            // NB: reported below
        }
        errors.put(key, "must be a " + (whole ? "whole number" : "number") + " from " + number(min) + " to "
                + number(max) + ", not '" + v + "'");
        return null;
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** An {@code application/x-www-form-urlencoded} body: the first value of each name. */
    static Map<String, String> fields(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            String[] x = kv.split("=", 2);
            try {
                form.putIfAbsent(URLDecoder.decode(x[0], StandardCharsets.UTF_8),
                        x.length > 1 ? URLDecoder.decode(x[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                // NB: a malformed pair is dropped; its field then reads as empty
            }
        }
        return form;
    }

    private static WebReply html(int status, String html) {
        return WebReply.of(status, WebReply.HTML, html);
    }
}
