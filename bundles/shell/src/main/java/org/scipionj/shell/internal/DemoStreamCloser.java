package org.scipionj.shell.internal;

import java.util.List;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoSession;

/**
 * Ends a demo's streaming import when the acquisition is over: once the simulator has exited and the import has
 * taken (or failed) every movie written, the import's stream is closed, so the project finishes now rather than
 * after the import's timeout. {@code scipion demo} calls {@link #closeWhenDrained} as it watches; a session started
 * from the web wizard is followed by {@link #inBackground}. Stateless, so thread-safe.
 */
final class DemoStreamCloser {

    static final long POLL_MS = 2000;

    private DemoStreamCloser() {
    }

    /**
     * Closes the running imports' streams when they have every movie written. True when closed, or when no import
     * runs any more.
     */
    static boolean closeWhenDrained(Project p, List<RunInfo> runs, long written) {
        for (RunInfo r : runs) {
            if (r.className().equals("ProtImportMovies") && !r.status().isEnded()) {
                if (r.done() + r.failed() < written) {
                    return false;
                }
                p.requestCloseStream(r.id());
            }
        }
        return true;
    }

    /** Whether the session's simulator still runs. */
    static boolean acquiring(DemoSession s) {
        return ProcessHandle.of(s.acquisitionPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Follows the session on a daemon thread until its import is closed or every run has ended. */
    static void inBackground(ProjectService projects, DemoSession s) {
        Thread t = new Thread(() -> {
            try (Project p = projects.open(s.project())) {
                while (true) {
                    List<RunInfo> runs = p.runs();
                    if (runs.stream().allMatch(r -> r.status().isEnded())
                            || !acquiring(s) && closeWhenDrained(p, runs, Demo.acquired(s.dataFolder()).movies())) {
                        return;
                    }
                    Thread.sleep(POLL_MS); // NB: the simulator is another process: nothing to wait on
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ScipionException | IllegalStateException e) {
                System.err.println("scipion demo " + s.project() + ": stopped following the acquisition ("
                        + e.getMessage() + "); the import closes after its timeout");
            }
        }, "scipion-demo-" + s.project());
        t.setDaemon(true);
        t.start();
    }
}
