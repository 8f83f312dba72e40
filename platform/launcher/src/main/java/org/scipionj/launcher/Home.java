package org.scipionj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the distribution home: the folder holding {@code lib/launcher.jar} and {@code bundle/}.
 * <p>
 * The {@code scipion.home} system property wins; otherwise the home is the folder above the
 * {@code lib/} folder the launcher jar was loaded from.
 */
final class Home {

    static final String PROPERTY = "scipion.home";

    private Home() {
    }

    /**
     * @param override   the value of {@code -Dscipion.home}, or null
     * @param codeSource where the launcher classes were loaded from (a jar, or a classes folder)
     * @return the absolute, normalized home folder, which has a {@code bundle/} folder
     * @throws LaunchException with a message saying what to do when no home can be found
     */
    static Path locate(String override, Path codeSource) throws LaunchException {
        Path home;
        if (override != null && !override.isBlank()) {
            home = Paths.get(override).toAbsolutePath().normalize();
        } else {
            Path jar = codeSource.toAbsolutePath().normalize();
            Path lib = jar.getParent();
            if (Files.isDirectory(jar) || lib == null || lib.getFileName() == null
                    || !lib.getFileName().toString().equals("lib") || lib.getParent() == null) {
                throw new LaunchException("cannot find the distribution home: the launcher was loaded from " + jar
                        + ", not from HOME/lib/launcher.jar. Set -D" + PROPERTY + "=HOME.");
            }
            home = lib.getParent();
        }
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new LaunchException("the distribution home " + home + " has no bundle/ folder. "
                    + "Build it with 'mvn install' (or ./scipion) or set -D" + PROPERTY + "=HOME.");
        }
        return home;
    }
}
