package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;

import org.junit.jupiter.api.Test;

/** The layout of target/scipion: what the launcher and the ./scipion script rely on. */
class DistributionIT {

    private final Path dist = ScipionRuntime.distribution();

    @Test
    void launcherFindsTheFrameworkThroughItsClassPath() {
        Path launcher = dist.resolve("lib/launcher.jar");
        assertTrue(Files.isRegularFile(launcher), launcher + " missing");
        Attributes manifest = ScipionRuntime.manifest(launcher);
        assertEquals("org.scipionj.launcher.Main", manifest.getValue("Main-Class"));
        String classPath = manifest.getValue("Class-Path");
        assertTrue(classPath != null && classPath.contains("org.apache.felix.framework"), "Class-Path: " + classPath);
        for (String entry : classPath.trim().split("\\s+")) {
            assertTrue(Files.isRegularFile(dist.resolve("lib").resolve(entry)), "lib/" + entry + " missing");
        }
    }

    @Test
    void bundleFolderHoldsOnlyBundlesEachOnce() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path jar : ScipionRuntime.bundleJars()) {
            String name = ScipionRuntime.symbolicName(jar);
            if (name == null) {
                problems.add(jar.getFileName() + " is not a bundle (exclude it in distribution/pom.xml)");
            } else if (!names.add(name)) {
                problems.add(jar.getFileName() + ": a second " + name);
            }
        }
        assertEquals(List.of(), problems);
        for (String expected : List.of("org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.promise",
                "org.osgi.util.function", "org.apache.felix.configadmin", "org.apache.felix.gogo.runtime",
                "org.apache.felix.gogo.shell", "org.apache.felix.gogo.command", "org.xerial.sqlite-jdbc")) {
            assertTrue(names.contains(expected), expected + " missing from bundle/: " + names);
        }
        assertTrue(names.stream().filter(n -> n.startsWith("org.scipionj")).count() >= 4,
                "the four Scipion-J bundles (api, core, import, shell) are expected: " + names);
    }

    @Test
    void stampIsWrittenLast() throws Exception {
        Path stamp = dist.resolve(".built");
        assertTrue(Files.isRegularFile(stamp), stamp + " missing");
        for (Path jar : ScipionRuntime.bundleJars()) {
            assertTrue(Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(stamp)) <= 0,
                    jar + " is newer than " + stamp);
        }
    }
}
