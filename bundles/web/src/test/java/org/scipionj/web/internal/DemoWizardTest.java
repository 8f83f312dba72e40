package org.scipionj.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;
import org.scipionj.api.session.DemoService;
import org.scipionj.api.session.DemoSession;

/** The demo wizard: the form, the token, checks with one message per field, the steps' template, and the start. */
class DemoWizardTest {

    /** Records what it is asked to start; refuses the name "taken" as the real service would. */
    static final class Recorder implements DemoService {
        final List<DemoRequest> started = new ArrayList<>();

        @Override
        public List<String> presets() {
            return List.of("tiny", "small", "falcon4", "k3");
        }

        @Override
        public List<String> templates() {
            return List.of("demo", "preprocessing", "preprocessing-curation", "preprocessing-picking");
        }

        @Override
        public DemoSession start(DemoRequest r) {
            if ("taken".equals(r.name())) {
                throw new ScipionException("a project named taken exists already; choose another name");
            }
            started.add(r);
            String name = r.name() == null ? "demo-20261126-093000" : r.name();
            return new DemoSession(name, Path.of("/dist/workflows/" + r.template() + ".json.template"),
                    Path.of("/data/" + name), "movie_*.mrc", r.count(), 11, Path.of("/log"), 12, "http://127.0.0.1:1/");
        }
    }

    @TempDir
    Path tmp;
    Recorder demos;
    String token;
    DemoWizard wizard;

    @BeforeEach
    void setUp() {
        demos = new Recorder();
        AdminToken admin = new AdminToken(tmp.resolve("runtime"));
        token = admin.generate();
        wizard = new DemoWizard(demos, admin);
    }

    private WebReply post(Map<String, String> fields, String authorization) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return wizard.handle(new WebRequest("POST", "/demo", Map.of(), authorization, body));
    }

    private Map<String, String> valid() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("projectName", "wiz1");
        f.put("dataFolder", "/data/wiz1");
        f.put("preset", "small");
        f.put("count", "5");
        f.put("interval", "2.5");
        f.put("samplingRate", "1.2");
        f.put("dosePerFrame", "1.5");
        f.put("voltage", "200");
        f.put("picking", "true");
        f.put("token", token);
        return f;
    }

    @Test
    void theFormShowsEveryFieldWithDefaults() {
        WebReply r = wizard.handle(WebRequest.get("/demo", Map.of()));
        assertEquals(200, r.status());
        String html = r.text();
        for (String input : List.of("projectName", "dataFolder", "preset", "count", "interval", "samplingRate",
                "dosePerFrame", "voltage", "picking", "curation", "token")) {
            assertTrue(html.contains("name=\"" + input + "\""), input);
        }
        assertTrue(html.contains("name=\"count\" type=\"number\" value=\"" + DemoRequest.DEFAULT_COUNT + "\""), html);
        assertTrue(html.contains("<option value=\"tiny\" selected>"), "the default preset first");
        assertTrue(html.contains("id=\"picking\" name=\"picking\" type=\"checkbox\" value=\"true\" checked"));
        assertEquals(404, wizard.handle(WebRequest.get("/demo/other", Map.of())).status());
    }

    @Test
    void aValidSubmissionStartsTheDemoAndRedirectsToTheProject() {
        WebReply r = post(valid(), null);
        assertEquals(303, r.status(), r.text());
        assertEquals("/projects/wiz1/", r.text());
        DemoRequest d = demos.started.get(0);
        assertEquals("wiz1", d.name());
        assertEquals("demo", d.template(), "picking without curation: the demo template");
        assertEquals(Path.of("/data/wiz1"), d.dataFolder());
        assertEquals("small", d.preset());
        assertEquals(5, d.count());
        assertEquals(2.5, d.interval_s());
        assertEquals(1.2, d.samplingRate_Apx());
        assertEquals(1.5, d.dosePerFrame_ePerA2());
        assertEquals(200.0, d.voltage_kV());
        assertNull(d.port(), "the server already runs: no port");
    }

    @Test
    void theStepsChooseTheTemplateAndEmptyFieldsTakeDefaults() {
        Map<String, String> f = new LinkedHashMap<>(Map.of("count", "3", "token", token));
        assertEquals(303, post(f, null).status());
        DemoRequest plain = demos.started.get(0);
        assertEquals("preprocessing", plain.template(), "no picking: preprocessing only");
        assertNull(plain.name());
        assertNull(plain.dataFolder());
        assertNull(plain.samplingRate_Apx());
        assertEquals(DemoRequest.DEFAULT_INTERVAL_S, plain.interval_s());
        f.put("picking", "true");
        f.put("curation", "true");
        assertEquals(303, post(f, null).status());
        assertEquals("preprocessing-curation", demos.started.get(1).template());
        f.remove("picking");
        WebReply refused = post(f, null);
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("id=\"curation-error\""), refused.text());
    }

    @Test
    void theTokenIsRequiredInTheFormOrTheHeader() {
        Map<String, String> f = valid();
        f.remove("token");
        WebReply none = post(f, null);
        assertEquals(401, none.status());
        assertTrue(none.text().contains("id=\"token-error\""));
        assertTrue(none.text().contains("value=\"wiz1\""), "the values given are kept");
        f.put("token", "wrong");
        assertEquals(401, post(f, null).status());
        assertTrue(demos.started.isEmpty());
        f.remove("token");
        assertEquals(303, post(f, "Bearer " + token).status());
    }

    @Test
    void badValuesGetOneMessageEachAndServiceErrorsAreShown() {
        Map<String, String> f = valid();
        f.put("projectName", "../etc");
        f.put("count", "2.5");
        f.put("interval", "soon");
        f.put("samplingRate", "-1");
        f.put("preset", "huge");
        f.put("dataFolder", "relative/folder");
        WebReply r = post(f, null);
        assertEquals(400, r.status());
        for (String field : List.of("projectName", "count", "interval", "samplingRate", "preset", "dataFolder")) {
            assertTrue(r.text().contains("id=\"" + field + "-error\""), field + "\n" + r.text());
        }
        assertTrue(r.text().contains("6 fields need a change"), r.text());
        assertFalse(r.text().contains("<script"), "no script needed");
        assertTrue(demos.started.isEmpty());

        Map<String, String> taken = valid();
        taken.put("projectName", "taken");
        WebReply refused = post(taken, null);
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("a project named taken exists already"), refused.text());
    }
}
