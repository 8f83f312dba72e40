package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the shared real-data fixtures ({@code shared/anchors/realdata}). Tried in order: the
 * system property {@code scipionj.realdata}, {@code ../../../shared/anchors/realdata} from the
 * working directory (the module folder {@code platform/image}), then {@code shared/anchors/realdata}
 * under every ancestor of the working directory.
 */
final class RealData {

    private RealData() {
    }

    static Path root() {
        List<Path> tried = new ArrayList<>();
        String prop = System.getProperty("scipionj.realdata");
        if (prop != null && !prop.isBlank()) {
            tried.add(Path.of(prop));
        }
        Path cwd = Path.of("").toAbsolutePath();
        tried.add(cwd.resolve("../../../shared/anchors/realdata").normalize());
        for (Path p = cwd; p != null; p = p.getParent()) {
            tried.add(p.resolve("shared/anchors/realdata"));
        }
        for (Path p : tried) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return fail("real-data fixtures not found; working directory is " + cwd + ", tried " + tried
                + "; run from platform/image in the repository checkout or set -Dscipionj.realdata=<folder>");
    }

    /** A file under the real-data root; fails the test with a clear message if it is missing. */
    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("real-data fixture " + relative + " is missing (looked for " + p + ")");
        }
        return p;
    }
}
