package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * A second STAR parser: gemmi's CIF/STAR reader (Debian's python3-gemmi, installed by .ci/run), which reads RELION
 * files. A missing module fails the test, it never skips.
 */
final class Gemmi {

    /** Prints "block|tag,tag,...|rows" per block (rows: loop length, or -1 for key-value pairs). */
    private static final String SCRIPT = String.join("\n",
            "import sys, gemmi",
            "doc = gemmi.cif.read_file(sys.argv[1])",
            "for b in doc:",
            "    name = '' if b.name == '#' else b.name  # NB: gemmi 0.5 names an unnamed data_ block '#'",
            "    for item in b:",
            "        if item.loop is not None:",
            "            print(name + '|' + ','.join(t[1:] for t in item.loop.tags) + '|' + str(item.loop.length()))",
            "    pairs = [item.pair[0][1:] for item in b if item.pair is not None]",
            "    if pairs:",
            "        print(name + '|' + ','.join(pairs) + '|-1')");

    private Gemmi() {
    }

    /** Asserts that gemmi sees the blocks, labels and row counts our own reader sees. */
    static void assertReadsLikeUs(Path file) throws Exception {
        List<String> expected = new ArrayList<>();
        for (StarBlock b : StarFile.read(file).blocks()) {
            expected.add(b.name() + "|" + String.join(",", RelionFiles.labels(b)) + "|"
                    + (b.isTable() ? b.rows().size() : -1));
        }
        assertEquals(expected, run(file), "gemmi reads " + file + " differently");
    }

    private static List<String> run(Path file) throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            Process check;
            try {
                check = new ProcessBuilder(python, "-c", "import gemmi").redirectErrorStream(true).start();
            } catch (IOException notThere) {
                continue;
            }
            check.getInputStream().readAllBytes();
            if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
                continue;
            }
            Process p = new ProcessBuilder(python, "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("gemmi cannot read " + file + ":\n" + out);
            }
            return out.lines().toList();
        }
        return fail("Python module 'gemmi' (Debian package python3-gemmi) is missing; install it with .ci/run's "
                + "install step: apt-get update && apt-get install -y python3-gemmi (as root on Debian)");
    }
}
