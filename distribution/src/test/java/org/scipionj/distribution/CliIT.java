package org.scipionj.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution started as a user starts it: {@code java -cp lib/launcher.jar ... ARGS}. */
class CliIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path userData;

    @Test
    void helpExitsWithZero() throws Exception {
        ScipionProcess.Result result = ScipionProcess.run(userData, TIMEOUT, "help");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.stdout().isBlank(), result::toString);
    }
}
