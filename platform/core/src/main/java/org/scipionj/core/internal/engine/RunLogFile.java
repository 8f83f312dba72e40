package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.scipionj.api.protocol.RunLog;

/** A run's log file ({@code logs/run.log} in the run folder), appended line by line. Thread-safe. */
final class RunLogFile implements RunLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Path file;

    RunLogFile(Path file) {
        this.file = file;
    }

    @Override
    public void info(String message) {
        write("INFO ", message);
    }

    @Override
    public void warn(String message) {
        write("WARN ", message);
    }

    @Override
    public void error(String message, Throwable cause) {
        if (cause == null) {
            write("ERROR", message);
            return;
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        write("ERROR", message + System.lineSeparator() + trace);
    }

    private synchronized void write(String level, String message) {
        String line = LocalDateTime.now().format(TIME) + " " + level + " " + message + System.lineSeparator();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write run log " + file + ": " + e.getMessage() + "; line was: " + line);
        }
    }
}
