package org.scipionj.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;
import org.scipionj.api.session.DemoSession;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scipion demo}: starts a demo session ({@link DemoStarter}: project from {@code workflows/demo.json.template},
 * simulated acquisition, background server), prints the report's address and shows the progress of every stage
 * until the acquisition has ended and every run has finished: a table rewritten in place on a terminal, a line per
 * change otherwise, nothing but the final summary with {@code --headless}. When the acquisition is over and the
 * import has taken every movie, it closes the import's stream so the project ends. Ctrl-C leaves the server and the
 * acquisition running. Exit code 0, or 1 when a run failed or the acquisition stopped early. Used from one thread.
 */
final class Demo {

    static final String USAGE = "demo [--count N] [--interval S] [--preset " + String.join("|", DemoAcquisition.PRESETS)
            + "] [--port N] [--name NAME] [--template NAME] [--headless]";
    static final long TTY_REFRESH_MS = 1000;
    static final long PLAIN_REFRESH_MS = 2000;

    private final DemoStarter starter;
    private final ProjectService projects;
    private final PrintStream out;
    private final boolean tty;
    private volatile boolean stopped;

    /** @param tty whether {@code out} is a terminal (the table is then rewritten in place with ANSI codes) */
    Demo(DemoStarter starter, ProjectService projects, PrintStream out, boolean tty) {
        this.starter = starter;
        this.projects = projects;
        this.out = out;
        this.tty = tty;
    }

    /** Parses {@code --key value}, {@code --key=value} and {@code key=value}; {@code --headless} is a flag. */
    static DemoRequest parse(String[] args, boolean[] headless) {
        DemoRequest r = DemoRequest.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--headless")) {
                headless[0] = true;
                continue;
            }
            String key;
            String value;
            String bare = a.startsWith("--") ? a.substring(2) : a;
            int eq = bare.indexOf('=');
            if (eq > 0) {
                key = bare.substring(0, eq);
                value = bare.substring(eq + 1);
            } else if (a.startsWith("--") && i + 1 < args.length) {
                key = bare;
                value = args[++i];
            } else {
                throw new ScipionException("demo: unexpected argument '" + a + "'; usage: " + USAGE);
            }
            r = switch (key) {
                case "count" -> r.withCount((int) number(key, value, 1, 100_000));
                case "interval" -> r.withInterval(number(key, value, 0, 3600));
                case "preset" -> r.withPreset(value);
                case "port" -> r.withPort((int) number(key, value, 0, 65535));
                case "name" -> r.withName(value);
                case "template" -> r.withTemplate(value);
                default -> throw new ScipionException("demo: unknown option --" + key + "; usage: " + USAGE);
            };
        }
        return r;
    }

    private static double number(String key, String value, double min, double max) {
        try {
            double v = Double.parseDouble(value.trim());
            if (v >= min && v <= max && (!key.equals("count") && !key.equals("port") || v == Math.rint(v))) {
                return v;
            }
        } catch (NumberFormatException e) {
            // NB: reported below
        }
        throw new ScipionException("demo: --" + key + " must be a " + (key.equals("interval") ? "number" : "whole number")
                + " from " + DemoAcquisition.num(min) + " to " + DemoAcquisition.num(max) + ", not '" + value
                + "'; usage: " + USAGE);
    }

    int run(String[] args) throws InterruptedException {
        boolean[] headless = {false};
        DemoRequest request = parse(args, headless);
        DemoSession s = starter.start(request, out);
        if (s.webUrl() != null) {
            out.println("Report: " + s.reportUrl() + "   (project: " + s.projectUrl() + ")");
        } else {
            out.println("The server serves no web pages (see " + ServerStarter.log(DemoStarter.userData(projects))
                    + "); the report is written into the project folder");
        }
        out.println("Ctrl-C stops this display only; the server goes on processing the project.");
        Thread hook = new Thread(() -> {
            synchronized (out) {
                stopped = true; // NB: Ctrl-C: no table may be drawn over this message
                out.println("\nThe server (pid " + s.serverPid() + ") goes on processing " + s.project()
                        + "; './scipion status name=" + s.project() + "' shows its progress"
                        + (s.webUrl() != null ? ", the report is at " + s.reportUrl() : ""));
            }
        }, "scipion-demo-exit");
        addHook(hook);
        try (Project p = projects.open(s.project())) {
            boolean complete = watch(p, s, headless[0]);
            out.print(StatusReport.text(p));
            Optional<Path> report = reportFolder(p);
            out.println("Report folder: " + report.map(Path::toString).orElse("none (the summary monitor wrote no report)"));
            if (s.webUrl() != null) {
                out.println("Report: " + s.reportUrl());
            }
            List<RunInfo> failed = p.runs().stream().filter(r -> r.status() == RunStatus.FAILED).toList();
            failed.forEach(r -> out.println("FAILED: run " + r.id() + " " + r.label() + ": " + r.error()));
            if (!complete) {
                out.println("The acquisition stopped early; its log: " + s.acquisitionLog());
            }
            return failed.isEmpty() && complete ? 0 : 1;
        } finally {
            removeHook(hook);
        }
    }

    /** Follows the session until it ends; true when the acquisition wrote every movie. */
    private boolean watch(Project p, DemoSession s, boolean headless) throws InterruptedException {
        DemoProgress progress = new DemoProgress();
        long start = System.nanoTime();
        int printed = 0;
        String lastLine = "";
        boolean closed = false;
        while (true) {
            Acquired acquired = acquired(s.dataFolder());
            boolean acquiring = DemoStreamCloser.acquiring(s);
            List<RunInfo> runs = p.runs();
            String status = acquiring ? "running" : acquired.complete() ? "finished" : "stopped";
            if (!acquiring && !closed) {
                closed = DemoStreamCloser.closeWhenDrained(p, runs, acquired.movies());
            }
            boolean ended = !acquiring && runs.stream().allMatch(r -> r.status().isEnded());
            List<DemoProgress.Row> rows = progress.rows(System.nanoTime(), acquired.movies(), s.count(), status, runs);
            if (!headless && tty) {
                List<String> lines = new java.util.ArrayList<>();
                lines.add(String.format("Demo %s: %s elapsed", s.project(), elapsed(start)));
                lines.addAll(DemoProgress.table(rows));
                StringBuilder b = new StringBuilder();
                if (printed > 0) {
                    b.append("\033[").append(printed).append('A');
                }
                for (String l : lines) {
                    b.append("\r\033[2K").append(l).append('\n');
                }
                synchronized (out) {
                    if (!stopped) {
                        out.print(b);
                        out.flush();
                    }
                }
                printed = lines.size();
            } else if (!headless) {
                String line = DemoProgress.line(rows);
                if ((!line.equals(lastLine) || ended) && !stopped) {
                    out.println("[" + elapsed(start) + "] " + line);
                    lastLine = line;
                }
            }
            if (ended) {
                return acquired.complete();
            }
            Thread.sleep(tty ? TTY_REFRESH_MS : PLAIN_REFRESH_MS); // NB: other processes: nothing to wait on
        }
    }

    /** Movies written so far, from the simulator's {@code dataset.json}. */
    record Acquired(long movies, boolean complete) {
    }

    static Acquired acquired(Path data) {
        try {
            Map<?, ?> d = new ObjectMapper().readValue(Files.readString(data.resolve("dataset.json"),
                    StandardCharsets.UTF_8), Map.class);
            return new Acquired(d.get("movies") instanceof List<?> l ? l.size() : 0, Boolean.TRUE.equals(d.get("complete")));
        } catch (IOException | RuntimeException e) {
            return new Acquired(0, false); // NB: not written yet, or being replaced
        }
    }

    /** {@code Runs/NNNNNN_ProtMonitorSummary/extra/report} of the project, when written. */
    static Optional<Path> reportFolder(Project p) {
        try (Stream<Path> runs = Files.list(p.dir().resolve("Runs"))) {
            return runs.filter(d -> d.getFileName().toString().endsWith("_ProtMonitorSummary")).sorted()
                    .map(d -> d.resolve("extra").resolve("report"))
                    .filter(d -> Files.isRegularFile(d.resolve("index.html"))).reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String elapsed(long start) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        return String.format("%02d:%02d", s / 60, s % 60);
    }

    private static void addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // NB: already shutting down
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // NB: shutting down: the hook runs
        }
    }
}
