package org.scipionj.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server lock stays held while the server's own process asks whether a server runs (the demo wizard does): a
 * POSIX lock is released when the process closes any descriptor of the file, so {@code running} must not open it.
 * Another process (python3's {@code fcntl.lockf}, the same kind of lock) checks that it is still held.
 */
class ServerLockTest {

    @TempDir
    Path userData;

    @Test
    void askingInTheServersProcessKeepsTheLock() throws Exception {
        try (ServerLock lock = ServerLock.acquire(userData)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(OptionalLong.of(ProcessHandle.current().pid()), ServerLock.running(userData));
            }
            assertEquals("held", otherProcessTriesToLock(ServerLock.file(userData)));
        }
        assertEquals("free", otherProcessTriesToLock(ServerLock.file(userData)));
        assertTrue(ServerLock.running(userData).isEmpty());
    }

    private static String otherProcessTriesToLock(Path file) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", """
                import fcntl, sys
                f = open(sys.argv[1], 'r+')
                try:
                    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    print('free')
                except OSError:
                    print('held')
                """, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
