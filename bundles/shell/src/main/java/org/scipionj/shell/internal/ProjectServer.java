package org.scipionj.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.project.Session;

/**
 * The long-running runtime of a user data folder: every second it looks for projects that have scheduled,
 * waiting or running runs and that no process is processing, and processes them; a project whose database has
 * not changed since the last look is not opened again. On shutdown, runs keep their status so the next server
 * resumes them. Used from one thread.
 */
final class ProjectServer {

    static final Duration SCAN = Duration.ofSeconds(1);

    private final ProjectService projects;
    private final PrintStream out;
    private final Map<String, Project> open = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Long> seen = new HashMap<>();
    private volatile boolean stopping;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    ProjectServer(ProjectService projects, PrintStream out) {
        this.projects = projects;
        this.out = out;
    }

    /** Serves until {@link #stop()} or an interrupt. */
    void serve() {
        try {
            while (!stopping) {
                scan();
                Thread.sleep(SCAN.toMillis()); // NB: a cheap look at file dates; the runs themselves are signalled
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessions.forEach((name, s) -> {
                s.shutdown();
                out.println(Instant.now() + " " + name + ": detached; it resumes at the next start");
            });
            open.values().forEach(Project::close);
            stopped.countDown();
        }
    }

    /** Waits until {@link #serve()} has detached its sessions. */
    void awaitStopped(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopping = true;
    }

    /** One look at every project. */
    void scan() {
        for (String name : projects.list()) {
            Session session = sessions.get(name);
            if (session != null) {
                if (!session.isEnded()) {
                    continue;
                }
                sessions.remove(name);
                open.remove(name).close();
                seen.remove(name);
                out.println(Instant.now() + " " + name + ": every run has ended");
            }
            long stamp = stamp(projects.projectsDir().resolve(name));
            if (Long.valueOf(stamp).equals(seen.get(name))) {
                continue;
            }
            seen.put(name, stamp);
            startIfScheduled(name);
        }
    }

    private void startIfScheduled(String name) {
        Project p = null;
        try {
            p = projects.open(name);
            boolean pending = p.runs().stream().map(RunInfo::status).anyMatch(s -> s == RunStatus.SCHEDULED
                    || s == RunStatus.WAITING || s == RunStatus.RUNNING);
            if (pending && !p.isProcessing()) {
                sessions.put(name, p.start());
                open.put(name, p);
                out.println(Instant.now() + " " + name + ": processing");
                p = null;
            }
        } catch (ScipionException | IllegalStateException e) {
            out.println(Instant.now() + " " + name + ": not processed: " + e.getMessage());
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /** When the project's database (and its write-ahead log) last changed. */
    private static long stamp(Path dir) {
        long stamp = 0;
        for (String f : new String[] {"project.sqlite", "project.sqlite-wal"}) {
            try {
                stamp = stamp * 31 + Files.getLastModifiedTime(dir.resolve(f)).toMillis() * 7 + Files.size(dir.resolve(f));
            } catch (IOException e) {
                // NB: no WAL file while nothing writes
            }
        }
        return stamp;
    }
}
