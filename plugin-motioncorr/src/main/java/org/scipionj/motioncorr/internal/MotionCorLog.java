package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the global shifts MotionCor2/MotionCor3 reports: from its log file ({@code *-Full.log} or
 * {@code *-Patch-Full.log}: {@code #} comment lines, then {@code frame x y} per frame, as Scipion's
 * {@code parseMovieAlignment2} reads it) or, when there is none, from its standard output (the table after
 * {@code Full-frame alignment shift}: {@code ...... Frame (  1) shift:    -0.32     0.12}). Shifts are returned
 * relative to the first frame listed. Stateless.
 */
final class MotionCorLog {

    private static final Pattern STDOUT_ROW =
            Pattern.compile("Frame\\s*\\(\\s*(\\d+)\\s*\\)\\s*shift:\\s*(\\S+)\\s+(\\S+)");

    private MotionCorLog() {
    }

    /**
     * The shifts, from a log file in {@code dir} if there is one, else from {@code stdout}.
     *
     * @throws IOException naming what was searched when no shifts are found
     */
    static double[][] read(Path dir, Path stdout, boolean patches) throws IOException {
        Path log = find(dir, patches);
        if (log != null) {
            double[][] s = parseLogFile(Files.readAllLines(log, StandardCharsets.UTF_8));
            if (s.length > 0) {
                return s;
            }
        }
        List<String> out = Files.exists(stdout) ? Files.readAllLines(stdout, StandardCharsets.UTF_8) : List.of();
        double[][] s = parseStdout(out);
        if (s.length == 0) {
            throw new IOException("MotionCor2 reported no shifts: no *-Full.log in " + dir + " and no 'Full-frame"
                    + " alignment shift' table in its output " + stdout);
        }
        return s;
    }

    /** The global shift log in {@code dir}: {@code *-Patch-Full.log} with patches, else {@code *-Full.log}. */
    static Path find(Path dir, boolean patches) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith("-Full.log")).sorted().toList();
            for (Path f : logs) {
                if (patches == f.getFileName().toString().endsWith("-Patch-Full.log")) {
                    return f;
                }
            }
            return logs.isEmpty() ? null : logs.get(0);
        }
    }

    /** Lines without {@code #}: frame, x, y (further columns ignored). */
    static double[][] parseLogFile(List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.contains("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length < 3) {
                continue;
            }
            try {
                rows.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
            } catch (NumberFormatException e) {
                // NB: not a shift row
            }
        }
        return relative(rows);
    }

    /** The {@code Full-frame alignment shift} table of MotionCor2's standard output. */
    static double[][] parseStdout(List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        boolean table = false;
        for (String line : lines) {
            if (line.contains("Full-frame alignment shift")) {
                table = true;
                rows.clear();
                continue;
            }
            if (!table) {
                continue;
            }
            Matcher m = STDOUT_ROW.matcher(line);
            if (m.find()) {
                rows.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            } else if (!rows.isEmpty() && !line.isBlank()) {
                table = false;
            }
        }
        return relative(rows);
    }

    private static double[][] relative(List<double[]> rows) {
        double[][] out = rows.toArray(new double[0][]);
        if (out.length > 0) {
            double x0 = out[0][0];
            double y0 = out[0][1];
            for (double[] r : out) {
                r[0] -= x0;
                r[1] -= y0;
            }
        }
        return out;
    }
}
