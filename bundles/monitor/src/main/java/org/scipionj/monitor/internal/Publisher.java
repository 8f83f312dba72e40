package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.scipionj.api.protocol.RunLog;

/**
 * Runs Scipion's {@code publishCmd} after each refresh (e.g. {@code rsync -a %(REPORT_FOLDER)s host:/www/}),
 * through {@code /bin/sh -c} with {@code %(REPORT_FOLDER)s} replaced by the report folder. A failing command is
 * logged and does not stop the monitor. Limited to 10 minutes.
 */
final class Publisher {

    private final String command;
    private final RunLog log;

    Publisher(String command, RunLog log) {
        this.command = command == null ? "" : command.trim();
        this.log = log;
    }

    /** The command line for {@code folder}. */
    String commandFor(Path folder) {
        return command.replace("%(REPORT_FOLDER)s", folder.toAbsolutePath().toString());
    }

    void publish(Path folder) {
        if (command.isEmpty()) {
            return;
        }
        String line = commandFor(folder);
        try {
            Process proc = new ProcessBuilder(List.of("/bin/sh", "-c", line)).redirectErrorStream(true).start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(10, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                log.warn("publishCmd did not end in 10 minutes: " + line);
                return;
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (text.length() > 2000) {
                text = "..." + text.substring(text.length() - 2000);
            }
            if (proc.exitValue() != 0) {
                log.warn("publishCmd exited with " + proc.exitValue() + ": " + line + (text.isEmpty() ? "" : "\n" + text));
            }
        } catch (IOException e) {
            log.warn("publishCmd could not run: " + line + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
