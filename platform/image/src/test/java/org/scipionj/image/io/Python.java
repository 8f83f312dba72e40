package org.scipionj.image.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: runs Debian's python3 with python3-mrcfile / python3-tifffile, independent readers
 * and writers that check ours. Tries {@code /usr/bin/python3} first (where apt installs them), then
 * {@code python3} on the PATH. A missing module fails the test (never skips it).
 */
final class Python {

    private static final String INSTALL = "install it with .ci/run's install step: apt-get update && apt-get install -y"
            + " python3-mrcfile python3-tifffile (as root on Debian)";

    private Python() {
    }

    /** Runs {@code script} with {@code args}; returns stdout; fails the test if a module is missing or the exit code is not 0. */
    static String run(String module, String script, String... args) throws IOException, InterruptedException {
        String python = interpreterWith(module);
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Result r = exec(cmd);
        if (r.code != 0) {
            fail(String.join(" ", cmd) + " exited with " + r.code + ":\n" + r.out);
        }
        return r.out;
    }

    /** Whether {@code mrcfile.validate} accepts {@code file}; its printed complaints are in the failure message. */
    static void assertValidMrc(java.nio.file.Path file) throws IOException, InterruptedException {
        String python = interpreterWith("mrcfile");
        Result r = exec(List.of(python, "-c", "import mrcfile,sys; sys.exit(0 if mrcfile.validate(sys.argv[1]) else 1)",
                file.toString()));
        if (r.code != 0) {
            fail("mrcfile.validate rejects " + file + ":\n" + r.out);
        }
    }

    private static String interpreterWith(String module) throws IOException, InterruptedException {
        for (String p : List.of("/usr/bin/python3", "python3")) {
            try {
                if (exec(List.of(p, "-c", "import " + module)).code == 0) {
                    return p;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        return fail("Python module '" + module + "' (Debian package python3-" + module + ") is missing; " + INSTALL);
    }

    private record Result(int code, String out) {
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
