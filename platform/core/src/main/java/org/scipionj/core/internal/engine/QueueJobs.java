package org.scipionj.core.internal.engine;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.core.internal.store.Database;

/**
 * The batch jobs a run has on a cluster, persisted in the project database (table {@code queue_jobs}) so that a
 * restarted runtime re-attaches to them instead of submitting their items again. A row is written before the job
 * is submitted, gets the job id right after, and is deleted once every item of the job is committed or sent
 * again. Uses its own connection to the project database. Thread-safe.
 */
final class QueueJobs implements AutoCloseable {

    /** One job: its batch number in the run, the batch system's id (null if submission did not finish). */
    record Job(long runId, long batch, String jobId, String executor, Path folder) {
    }

    private final Database db;

    QueueJobs(Path dbFile) {
        this.db = Database.open(dbFile, false);
        db.transaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS queue_jobs(run_id INTEGER NOT NULL, batch INTEGER NOT NULL, "
                        + "job_id TEXT, executor TEXT NOT NULL, folder TEXT NOT NULL, created_ms INTEGER NOT NULL, "
                        + "PRIMARY KEY(run_id, batch))");
            }
            return null;
        });
    }

    /** Records a batch before its submission and returns its number (one more than any batch of the run so far). */
    long add(long runId, String executor, java.util.function.LongFunction<Path> folderOf) {
        return db.transaction(c -> {
            long batch;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(batch), 0) FROM queue_jobs WHERE run_id=?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    batch = rs.getLong(1) + 1;
                }
            }
            // NB: batch folders outlive their rows; never reuse a folder that still exists
            while (java.nio.file.Files.exists(folderOf.apply(batch))) {
                batch++;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_jobs(run_id, batch, job_id, executor, folder, "
                    + "created_ms) VALUES(?,?,NULL,?,?,?)")) {
                ps.setLong(1, runId);
                ps.setLong(2, batch);
                ps.setString(3, executor);
                ps.setString(4, folderOf.apply(batch).toString());
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return batch;
        });
    }

    void setJobId(long runId, long batch, String jobId) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_jobs SET job_id=? WHERE run_id=? AND batch=?")) {
                ps.setString(1, jobId);
                ps.setLong(2, runId);
                ps.setLong(3, batch);
                return ps.executeUpdate();
            }
        });
    }

    void remove(long runId, long batch) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_jobs WHERE run_id=? AND batch=?")) {
                ps.setLong(1, runId);
                ps.setLong(2, batch);
                return ps.executeUpdate();
            }
        });
    }

    /** The jobs of a run still recorded, oldest first. */
    List<Job> of(long runId) {
        return db.read(c -> {
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT batch, job_id, executor, folder FROM queue_jobs "
                    + "WHERE run_id=? ORDER BY batch")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new Job(runId, rs.getLong(1), rs.getString(2), rs.getString(3), Path.of(rs.getString(4))));
                    }
                }
            }
            return jobs;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
