package org.scipionj.shell.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;

/**
 * The demo's progress table: one row per stage (the acquisition, then each run) with its status, items done and
 * failed, rate over the last minute and largest output, rendered as fixed lines (for a terminal rewritten in
 * place) or as one summary line (for logs). Rates come from the counts it is given with their times. Used from
 * one thread.
 */
final class DemoProgress {

    static final long WINDOW_NANOS = 60_000_000_000L;

    /** One row. */
    record Row(String stage, String status, long done, long failed, double perMinute, String output) {
    }

    private final Map<String, Deque<long[]>> history = new HashMap<>();

    /**
     * The rows for this moment.
     *
     * @param written movies the acquisition has written, of {@code count}
     * @param acquiring whether the acquisition still runs
     */
    List<Row> rows(long nanos, long written, int count, String acquisitionStatus, List<RunInfo> runs) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Acquisition (simulator)", acquisitionStatus, written, 0, rate("acquisition", nanos, written),
                written + " of " + count + " movies"));
        for (RunInfo r : runs) {
            OutputInfo biggest = null;
            for (OutputInfo o : r.outputs()) {
                if (biggest == null || o.size() > biggest.size()) {
                    biggest = o;
                }
            }
            String output = biggest == null ? "" : biggest.name().substring(biggest.name().indexOf('.') + 1) + " "
                    + biggest.size();
            rows.add(new Row(r.id() + " " + r.label(), r.status().label(), r.done(), r.failed(),
                    rate("run" + r.id(), nanos, r.done()), output));
        }
        return rows;
    }

    /** Items per minute over the last minute, NaN until there are two samples a second apart. */
    private double rate(String key, long nanos, long done) {
        Deque<long[]> h = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        h.addLast(new long[] {nanos, done});
        while (h.size() > 2 && nanos - h.peekFirst()[0] > WINDOW_NANOS) {
            h.removeFirst();
        }
        long[] first = h.peekFirst();
        double seconds = (nanos - first[0]) / 1e9;
        return seconds < 1 ? Double.NaN : (done - first[1]) * 60.0 / seconds;
    }

    /** The table, one string per line, always the same number of lines for the same rows. */
    static List<String> table(List<Row> rows) {
        int width = "stage".length();
        for (Row r : rows) {
            width = Math.max(width, Math.min(48, r.stage().length()));
        }
        List<String> lines = new ArrayList<>();
        String format = "%-" + width + "s  %-9s %6s %6s %8s  %s";
        lines.add(String.format(Locale.ROOT, format, "stage", "status", "done", "failed", "per min", "output"));
        for (Row r : rows) {
            String stage = r.stage().length() > width ? r.stage().substring(0, width - 1) + "…" : r.stage();
            lines.add(String.format(Locale.ROOT, format, stage, r.status(), r.done(), r.failed(),
                    Double.isNaN(r.perMinute()) ? "-" : String.format(Locale.ROOT, "%.1f", r.perMinute()), r.output()));
        }
        return lines;
    }

    /** One line, for logs: {@code stage status done[/failed]} per stage; equal when nothing changed. */
    static String line(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        for (Row r : rows) {
            if (s.length() > 0) {
                s.append(" | ");
            }
            s.append(r.stage()).append(": ").append(r.status()).append(' ').append(r.done());
            if (r.failed() > 0) {
                s.append(" (").append(r.failed()).append(" failed)");
            }
        }
        return s.toString();
    }
}
