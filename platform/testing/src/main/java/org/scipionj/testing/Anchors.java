package org.scipionj.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the shared anchors ({@code shared/anchors}: real data and Scipion workflows written by others): the
 * system property {@code scipionj.anchors}, then {@code ../../shared/anchors} from the module folder, then
 * {@code shared/anchors} under every ancestor of the working directory. A missing anchor fails the test: tests that
 * use real data never skip silently.
 */
public final class Anchors {

    private Anchors() {
    }

    /** The anchors folder. */
    public static Path root() {
        List<Path> tried = new ArrayList<>();
        String prop = System.getProperty("scipionj.anchors");
        if (prop != null && !prop.isBlank()) {
            tried.add(Path.of(prop));
        }
        Path cwd = Path.of("").toAbsolutePath();
        tried.add(cwd.resolve("../../shared/anchors").normalize());
        for (Path p = cwd; p != null; p = p.getParent()) {
            tried.add(p.resolve("shared/anchors"));
        }
        for (Path p : tried) {
            if (Files.isDirectory(p.resolve("realdata")) && Files.isDirectory(p.resolve("workflows"))) {
                return p;
            }
        }
        return fail("anchors not found; working directory is " + cwd + ", tried " + tried
                + "; run from a module of the repository checkout (with shared/ beside it) or set"
                + " -Dscipionj.anchors=<folder>");
    }

    /** A file under the anchors; fails the test with a clear message if it is missing. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("anchor " + relative + " is missing (looked for " + p + ")");
        }
        return p;
    }
}
