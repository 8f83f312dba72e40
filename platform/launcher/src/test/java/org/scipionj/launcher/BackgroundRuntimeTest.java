package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BackgroundRuntimeTest {

    @Test
    void commandRunsTheSameLauncherWithTheScipionProperties() {
        Properties system = new Properties();
        system.setProperty("scipion.home", "/opt/scipion");
        system.setProperty("java.vendor", "ignored");
        List<String> command = BackgroundRuntime.command("/jdk/bin/java", "/opt/scipion/lib/launcher.jar", system,
                true);
        assertEquals(List.of("/usr/bin/setsid", "/jdk/bin/java", "-cp", "/opt/scipion/lib/launcher.jar",
                "-Dscipion.home=/opt/scipion", "org.scipionj.launcher.Main", "server"), command);
    }

    @Test
    void withoutSetsid() {
        List<String> command = BackgroundRuntime.command("java", "cp", new Properties(), false);
        assertEquals(List.of("java", "-cp", "cp", "org.scipionj.launcher.Main", "server"), command);
    }

    @Test
    void classPathIsMadeAbsolute() {
        String absolute = BackgroundRuntime.absolute("lib/launcher.jar");
        assertEquals(Path.of("lib/launcher.jar").toAbsolutePath().toString(), absolute);
    }

    @Test
    void logIsInTheUserData() {
        assertEquals(Path.of("/data/logs/server.log"), BackgroundRuntime.log(Path.of("/data")));
    }
}
