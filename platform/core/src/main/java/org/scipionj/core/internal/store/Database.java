package org.scipionj.core.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

import org.scipionj.api.project.ScipionException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The project's SQLite database in WAL mode: one connection per process, used under a lock, so that a writer
 * never blocks readers in other processes and they always see whole transactions. Thread-safe.
 */
public final class Database implements AutoCloseable {

    static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.Map<String, java.sql.PreparedStatement> cached = new java.util.HashMap<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when {@code create}) the database file and brings its schema up to date. */
    public static Database open(Path file, boolean create) {
        if (!create && !java.nio.file.Files.isRegularFile(file)) {
            throw new ScipionException("project database " + file + " does not exist");
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NB: NORMAL in WAL mode survives a killed process (only a power cut can lose the last commits).
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(30_000);
            // NB: several connections write (the engine, the queue executor's job table, CLI requests): a deferred
            // transaction that reads and then writes fails at once with SQLITE_BUSY when another connection committed
            // in between (the busy timeout does not apply); IMMEDIATE takes the write lock at BEGIN and waits for it.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.enforceForeignKeys(true);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            Connection connection = source.getConnection();
            Database db = new Database(file, connection);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new ScipionException("cannot open project database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    public <T> T transaction(Sql<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error in " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read (or single-statement write) without an explicit transaction. */
    public <T> T read(Sql<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database error in " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A prepared statement for {@code sql}, kept open for reuse on the hot paths (item commits and reads); callers
     * must hold the database lock (be inside {@link #read} or {@link #transaction}) and must not close it.
     */
    public java.sql.PreparedStatement prepared(String sql) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("prepared statements are used under the database lock only");
        }
        java.sql.PreparedStatement ps = cached.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cached.put(sql, ps);
        }
        return ps;
    }

    private void migrate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
            var rs = st.executeQuery("SELECT value FROM meta WHERE key='schema'");
            int version = rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            rs.close();
            if (version > SCHEMA_VERSION) {
                throw new ScipionException("project database " + file + " has schema " + version
                        + ", newer than this Scipion-J understands (" + SCHEMA_VERSION + "); update Scipion-J");
            }
            if (version == 0) {
                connection.setAutoCommit(false);
                st.executeUpdate("CREATE TABLE runs(id INTEGER PRIMARY KEY, label TEXT NOT NULL, "
                        + "class_name TEXT NOT NULL, protocol_id TEXT NOT NULL, status TEXT NOT NULL, "
                        + "params TEXT NOT NULL, inputs TEXT NOT NULL, engine TEXT NOT NULL, error TEXT, "
                        + "bundle TEXT, created TEXT NOT NULL, started TEXT, ended TEXT)");
                st.executeUpdate("CREATE TABLE sets(name TEXT PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), "
                        + "slot TEXT NOT NULL, item_type TEXT NOT NULL, state TEXT NOT NULL)");
                st.executeUpdate("CREATE TABLE items(set_name TEXT NOT NULL REFERENCES sets(name), seq INTEGER NOT NULL, "
                        + "item_id INTEGER NOT NULL, group_id INTEGER NOT NULL, data TEXT NOT NULL, "
                        + "committed_ms INTEGER NOT NULL, PRIMARY KEY(set_name, seq)) WITHOUT ROWID");
                st.executeUpdate("CREATE INDEX items_by_group ON items(set_name, group_id)");
                st.executeUpdate("CREATE TABLE run_items(run_id INTEGER NOT NULL REFERENCES runs(id), key TEXT NOT NULL, "
                        + "input_seq INTEGER, input_item_id INTEGER, status TEXT NOT NULL, error TEXT, log TEXT, "
                        + "bundle TEXT, millis INTEGER, committed_ms INTEGER NOT NULL, PRIMARY KEY(run_id, key)) "
                        + "WITHOUT ROWID");
                st.executeUpdate("CREATE INDEX run_items_by_input_item ON run_items(run_id, input_item_id)");
                st.executeUpdate("CREATE TABLE series(run_id INTEGER NOT NULL REFERENCES runs(id), name TEXT NOT NULL, "
                        + "t_ms INTEGER NOT NULL, data TEXT NOT NULL)");
                st.executeUpdate("CREATE INDEX series_by_name ON series(run_id, name, t_ms)");
                st.executeUpdate("CREATE TABLE requests(id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL, "
                        + "kind TEXT NOT NULL, created_ms INTEGER NOT NULL, handled INTEGER NOT NULL DEFAULT 0)");
                st.executeUpdate("INSERT INTO meta(key, value) VALUES('schema', '" + SCHEMA_VERSION + "')");
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (java.sql.PreparedStatement ps : cached.values()) {
                ps.close();
            }
            cached.clear();
            connection.close();
        } catch (SQLException e) {
            // NB: nothing to lose here: every write was committed or rolled back.
        } finally {
            lock.unlock();
        }
    }
}
