package org.scipionj.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command-line options and the index format: what is accepted, and the messages for what is not. */
class PluginArgsTest {

    @Test
    void optionsAreParsed() {
        PluginArgs a = PluginArgs.parse(new String[] {"-p", "motioncorr", "--plugin", "ctffind", "eman",
                "--repo=https://example.org/repo", "--if-missing"}, PluginArgs.INSTALLP_USAGE);
        assertEquals(List.of("motioncorr", "ctffind", "eman"), a.plugins());
        assertEquals("https://example.org/repo", a.repo());
        assertTrue(a.ifMissing());
        assertTrue(PluginArgs.parse(new String[] {"--list"}, PluginArgs.INSTALLP_USAGE).list());
    }

    @Test
    void badOptionsSayWhatIsWrongAndTheUsage() {
        PluginException unknown = assertThrows(PluginException.class,
                () -> PluginArgs.parse(new String[] {"--plugins", "x"}, PluginArgs.INSTALLP_USAGE));
        assertEquals("unknown option '--plugins'; usage: " + PluginArgs.INSTALLP_USAGE, unknown.getMessage());
        PluginException noValue = assertThrows(PluginException.class,
                () -> PluginArgs.parse(new String[] {"-p"}, PluginArgs.UNINSTALLP_USAGE));
        assertEquals("-p needs a value; usage: " + PluginArgs.UNINSTALLP_USAGE, noValue.getMessage());
    }

    @Test
    void theIndexIsParsedAndItsErrorsArePlaced() {
        PluginIndex index = PluginIndex.parse("""
                {"name": "r", "plugins": [{"name": "a", "version": "1.0", "requires": {"api": "[1.0,2)",
                 "plugins": ["b"]}, "bundles": [{"file": "a.jar", "sha256": "AB12"}]}]}""", "test/index.json");
        PluginIndex.Entry a = index.find("a").orElseThrow();
        assertEquals("[1.0,2)", a.apiRange());
        assertEquals(List.of("b"), a.requires());
        assertEquals("ab12", a.bundles().get(0).sha256());
        PluginException json = assertThrows(PluginException.class, () -> PluginIndex.parse("{\"plugins\": [\n}",
                "test/index.json"));
        assertTrue(json.getMessage().startsWith("the plugin index test/index.json is not valid JSON: "), json.getMessage());
        assertTrue(json.getMessage().contains("(line 2, column"), json.getMessage());
        PluginException field = assertThrows(PluginException.class, () -> PluginIndex.parse(
                "{\"plugins\": [{\"name\": \"a\", \"bundles\": [{\"file\": \"a.jar\", \"sha256\": \"00\"}]}]}", "i"));
        assertEquals("the plugin index i plugins[0] needs a text field \"version\"", field.getMessage());
    }
}
