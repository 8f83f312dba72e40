package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeTest {

    @TempDir
    Path dir;

    private Path distribution(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("bundle"));
        return Files.createFile(home.resolve("lib/launcher.jar"));
    }

    @Test
    void homeIsAboveTheLibFolderOfTheLauncherJar() throws Exception {
        Path jar = distribution("scipion");
        assertEquals(dir.resolve("scipion"), Home.locate(null, jar));
    }

    @Test
    void overrideWins() throws Exception {
        Path jar = distribution("scipion");
        Path other = distribution("other").getParent().getParent();
        assertEquals(other, Home.locate(other.toString(), jar));
    }

    @Test
    void blankOverrideIsIgnored() throws Exception {
        Path jar = distribution("scipion");
        assertEquals(dir.resolve("scipion"), Home.locate("  ", jar));
    }

    @Test
    void classesFolderIsNotAHome() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        LaunchException e = assertThrows(LaunchException.class, () -> Home.locate(null, classes));
        assertTrue(e.getMessage().contains("-Dscipion.home"), e.getMessage());
    }

    @Test
    void jarOutsideLibIsNotInAHome() throws Exception {
        Path jar = Files.createFile(dir.resolve("launcher.jar"));
        assertThrows(LaunchException.class, () -> Home.locate(null, jar));
    }

    @Test
    void homeNeedsABundleFolder() throws Exception {
        Path jar = distribution("scipion");
        Files.delete(dir.resolve("scipion/bundle"));
        LaunchException e = assertThrows(LaunchException.class, () -> Home.locate(null, jar));
        assertTrue(e.getMessage().contains("bundle/"), e.getMessage());
    }
}
