package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LaunchPropertiesTest {

    private static Properties system(String... keyValues) {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/u");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void userDataDefaultsToScipionUserDataInHome() {
        assertEquals(Paths.get("/home/u/ScipionUserData"), LaunchProperties.userData(Map.of(), system()));
    }

    @Test
    void userDataFromEnvironment() {
        assertEquals(Paths.get("/data/s"),
                LaunchProperties.userData(Map.of("SCIPION_USER_DATA", "/data/s"), system()));
    }

    @Test
    void userDataSystemPropertyWinsOverEnvironment() {
        assertEquals(Paths.get("/data/p"), LaunchProperties.userData(Map.of("SCIPION_USER_DATA", "/data/s"),
                system("scipion.user.data", "/data/p")));
    }

    @Test
    void frameworkPropertiesForACommand() {
        Map<String, String> props = LaunchProperties.framework(Paths.get("/opt/scipion"), Paths.get("/data"),
                Paths.get("/tmp/felix"), system("scipion.threads", "4", "other.prop", "x"), false);
        assertEquals("/opt/scipion", props.get("scipion.home"));
        assertEquals("/data", props.get("scipion.user.data"));
        assertEquals("4", props.get("scipion.threads"));
        assertFalse(props.containsKey("other.prop"));
        assertEquals("/tmp/felix", props.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", props.get("org.osgi.framework.storage.clean"));
        assertEquals("--nointeractive --noshutdown", props.get("gosh.args"));
    }

    @Test
    void interactiveShellLeavesGoshArgsUnset() {
        Map<String, String> props = LaunchProperties.framework(Path.of("/h"), Path.of("/d"), Path.of("/t"), system(),
                true);
        assertFalse(props.containsKey("gosh.args"));
    }

    @Test
    void resolvedHomeAndUserDataWinOverSystemProperties() {
        Map<String, String> props = LaunchProperties.framework(Path.of("/h"), Path.of("/d"), Path.of("/t"),
                system("scipion.home", "relative", "scipion.user.data", "rel"), false);
        assertEquals("/h", props.get("scipion.home"));
        assertEquals("/d", props.get("scipion.user.data"));
    }

    @Test
    void commandsNeverServeHttp() {
        Map<String, String> props = LaunchProperties.framework(Path.of("/h"), Path.of("/d"), Path.of("/t"), system(),
                false);
        assertEquals("false", props.get("org.apache.felix.http.enable"));
    }

    @Test
    void serverBindsLoopbackOnTheDefaultPort() throws LaunchException {
        Map<String, String> props = LaunchProperties.server(Path.of("/h"), Path.of("/d"), Path.of("/t"), system(),
                null, null);
        assertEquals("true", props.get("org.apache.felix.http.enable"));
        assertEquals("127.0.0.1", props.get("org.apache.felix.http.host"));
        assertEquals("8180", props.get("org.osgi.service.http.port"));
    }

    @Test
    void serverPortFromCommandLineWinsOverSystemProperty() throws LaunchException {
        Map<String, String> props = LaunchProperties.server(Path.of("/h"), Path.of("/d"), Path.of("/t"),
                system("scipion.http.port", "9000", "scipion.http.host", "0.0.0.0"), null, "0");
        assertEquals("0", props.get("org.osgi.service.http.port"));
        assertEquals("0.0.0.0", props.get("org.apache.felix.http.host"));
    }

    @Test
    void badPortIsRefusedWithAnExample() {
        LaunchException e = org.junit.jupiter.api.Assertions.assertThrows(LaunchException.class,
                () -> LaunchProperties.server(Path.of("/h"), Path.of("/d"), Path.of("/t"), system(), null, "80x"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--port 8180"), e.getMessage());
    }
}
