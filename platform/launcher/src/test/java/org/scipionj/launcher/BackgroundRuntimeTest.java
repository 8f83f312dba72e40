package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                "p1", true);
        assertEquals(List.of("/usr/bin/setsid", "/jdk/bin/java", "-cp", "/opt/scipion/lib/launcher.jar",
                "-Dscipion.home=/opt/scipion", "org.scipionj.launcher.Main", "runtime", "name=p1"), command);
    }

    @Test
    void withoutSetsid() {
        List<String> command = BackgroundRuntime.command("java", "cp", new Properties(), "p1", false);
        assertEquals(List.of("java", "-cp", "cp", "org.scipionj.launcher.Main", "runtime", "name=p1"), command);
    }

    @Test
    void classPathIsMadeAbsolute() {
        String absolute = BackgroundRuntime.absolute("lib/launcher.jar");
        assertEquals(Path.of("lib/launcher.jar").toAbsolutePath().toString(), absolute);
    }

    @Test
    void logIsInTheProject() {
        assertEquals(Path.of("/data/projects/p1/logs/runtime.log"), BackgroundRuntime.log(Path.of("/data"), "p1"));
    }

    @Test
    void refusesNamesThatAreNotPlain() {
        assertThrows(LaunchException.class, () -> BackgroundRuntime.spawn("../x", Path.of("/data")));
        assertThrows(LaunchException.class, () -> BackgroundRuntime.spawn("a/b", Path.of("/data")));
    }
}
