package org.scipionj.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scipionj.api.item.Item;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;

/**
 * Every read and write of a project's database: runs, sets, items, per-item results and requests.
 * Each write is one transaction. Thread-safe.
 */
public final class ProjectStore implements AutoCloseable {

    private final Database db;
    private final ItemCodec codec;
    private final SetSignals signals = new SetSignals();

    public ProjectStore(Database db, ItemCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    public SetSignals signals() {
        return signals;
    }

    public ItemCodec codec() {
        return codec;
    }

    // -- runs --

    public void insertRuns(List<RunRecord> runs) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(id, label, class_name, protocol_id, "
                    + "status, params, inputs, engine, error, bundle, created) VALUES(?,?,?,?,?,?,?,?,?,?,?)")) {
                for (RunRecord r : runs) {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.label());
                    ps.setString(3, r.className());
                    ps.setString(4, r.protocolId());
                    ps.setString(5, r.status().name());
                    ps.setString(6, codec.json(r.params()));
                    ps.setString(7, codec.json(r.inputs()));
                    ps.setString(8, codec.json(r.engine()));
                    ps.setString(9, r.error());
                    ps.setString(10, r.bundle());
                    ps.setString(11, Instant.now().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<RunRecord> runs() {
        return db.read(c -> {
            List<RunRecord> runs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, label, class_name, protocol_id, status, params, "
                    + "inputs, engine, error, bundle FROM runs ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(runRow(rs));
                }
            }
            return runs;
        });
    }

    public Optional<RunRecord> run(long id) {
        return runs().stream().filter(r -> r.id() == id).findFirst();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RunRecord runRow(ResultSet rs) throws SQLException {
        Map<String, String> inputs = new LinkedHashMap<>();
        codec.map(rs.getString(7)).forEach((k, v) -> inputs.put(k, String.valueOf(v)));
        return new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5)), codec.map(rs.getString(6)), inputs, codec.map(rs.getString(8)),
                rs.getString(9), rs.getString(10));
    }

    /** Sets a run's status (and error, null to clear); stamps start and end times. */
    public void setStatus(long runId, RunStatus status, String error) {
        db.transaction(c -> {
            String stamp = status == RunStatus.RUNNING ? ", started=?" : status.isEnded() ? ", ended=?" : "";
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status=?, error=?" + stamp + " WHERE id=?")) {
                ps.setString(1, status.name());
                ps.setString(2, error);
                int i = 3;
                if (!stamp.isEmpty()) {
                    ps.setString(i++, Instant.now().toString());
                }
                ps.setLong(i, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void setBundle(long runId, String bundle) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET bundle=? WHERE id=?")) {
                ps.setString(1, bundle);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Done and failed item counts of a run: {@code [done, failed]}. */
    /** How many inputs of a run each bundle (name and version) processed, in the order they first did. */
    public Map<String, Long> processedBy(long runId) {
        return db.read(c -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(bundle, 'unknown'), count(*), "
                    + "min(committed_ms) AS first FROM run_items WHERE run_id=? GROUP BY 1 ORDER BY first")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    public long[] counts(long runId) {
        return db.read(c -> {
            long[] counts = new long[2];
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, count(*) FROM run_items WHERE run_id=? GROUP BY status")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts["done".equals(rs.getString(1)) ? 0 : 1] += rs.getLong(2);
                    }
                }
            }
            return counts;
        });
    }

    // -- sets --

    /** Creates the set if missing; an existing set is reopened when {@code reopen}. */
    public void ensureSet(String name, long runId, String slot, Class<? extends Item> type, boolean reopen) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sets(name, run_id, slot, item_type, state) "
                    + "VALUES(?,?,?,?,'OPEN') ON CONFLICT(name) DO " + (reopen ? "UPDATE SET state='OPEN'" : "NOTHING"))) {
                ps.setString(1, name);
                ps.setLong(2, runId);
                ps.setString(3, slot);
                ps.setString(4, type.getSimpleName());
                ps.executeUpdate();
            }
            return null;
        });
        signals.signal(name);
    }

    public void closeSet(String name) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sets SET state='CLOSED' WHERE name=?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
        signals.signal(name);
    }

    /** The set's item type name and state, or empty when the set does not exist yet. */
    public Optional<SetRow> set(String name) {
        return db.read(c -> {
            PreparedStatement ps = db.prepared("SELECT run_id, slot, item_type, state FROM sets WHERE name=?");
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SetRow(name, rs.getLong(1), rs.getString(2), rs.getString(3),
                        SetState.valueOf(rs.getString(4)))) : Optional.empty();
            }
        });
    }

    public List<SetRow> setsOf(long runId) {
        return db.read(c -> {
            List<SetRow> sets = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, slot, item_type, state FROM sets WHERE run_id=? ORDER BY name")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sets.add(new SetRow(rs.getString(1), runId, rs.getString(2), rs.getString(3),
                                SetState.valueOf(rs.getString(4))));
                    }
                }
            }
            return sets;
        });
    }

    /** Number of items in a set (positions are dense, so the last position). */
    public long size(String setName) {
        return db.read(c -> lastSeq(setName));
    }

    private long lastSeq(String setName) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT COALESCE(max(seq), 0) FROM items WHERE set_name=?");
        ps.setString(1, setName);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public <T extends Item> List<Entry<T>> read(String setName, Class<T> type, long afterSeq, int max) {
        List<String[]> rows = db.read(c -> {
            List<String[]> out = new ArrayList<>();
            PreparedStatement ps = db.prepared("SELECT seq, data FROM items WHERE set_name=? AND seq>? ORDER BY seq LIMIT ?");
            ps.setString(1, setName);
            ps.setLong(2, afterSeq);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        });
        List<Entry<T>> entries = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            entries.add(new Entry<>(Long.parseLong(row[0]), codec.decode(row[1], type)));
        }
        return entries;
    }

    /** The highest item id in a set, 0 when empty. */
    public long maxItemId(String setName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(max(item_id), 0) FROM items WHERE set_name=?")) {
                ps.setString(1, setName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // -- per-item results --

    /**
     * Commits the outcome of one input atomically: the output items appended to their sets and the run's record
     * of the input. Returns false, committing nothing, when the key was already recorded.
     *
     * @param outputs set name to items (empty for a failure)
     * @param status "done" or "failed"
     */
    public boolean commit(long runId, String key, Entry<?> input, String status, Map<String, List<Item>> outputs,
                          String error, String log, long millis, String bundle) {
        boolean committed = db.transaction(c -> {
            long now = System.currentTimeMillis();
            {
                PreparedStatement ps = db.prepared("INSERT INTO run_items(run_id, key, input_seq, input_item_id, "
                        + "status, error, log, bundle, millis, committed_ms) VALUES(?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING");
                ps.setLong(1, runId);
                ps.setString(2, key);
                if (input == null) {
                    ps.setNull(3, java.sql.Types.INTEGER);
                    ps.setNull(4, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(3, input.seq());
                    ps.setLong(4, input.item().groupId());
                }
                ps.setString(5, status);
                ps.setString(6, error);
                ps.setString(7, log == null || log.isEmpty() ? null : log);
                ps.setString(8, bundle);
                ps.setLong(9, millis);
                ps.setLong(10, now);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!outputs.isEmpty()) {
                {
                    PreparedStatement ps = db.prepared("INSERT INTO items(set_name, seq, item_id, group_id, data, "
                            + "committed_ms) VALUES(?,?,?,?,?,?)");
                    for (Map.Entry<String, List<Item>> out : outputs.entrySet()) {
                        long seq = lastSeq(out.getKey());
                        for (Item item : out.getValue()) {
                            ps.setString(1, out.getKey());
                            ps.setLong(2, ++seq);
                            ps.setLong(3, item.id());
                            ps.setLong(4, item.groupId());
                            ps.setString(5, codec.encode(item));
                            ps.setLong(6, now);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
            return true;
        });
        if (committed) {
            outputs.keySet().forEach(signals::signal);
            signals.any().bump(); // NB: a failure also settles joins waiting on this run
        }
        return committed;
    }

    /** The items of a set that belong to one exposure ({@link Item#groupId()}), in order. */
    public <T extends Item> List<T> group(String setName, Class<T> type, long groupId) {
        List<String> rows = db.read(c -> {
            List<String> out = new ArrayList<>();
            PreparedStatement ps = db.prepared("SELECT data FROM items WHERE set_name=? AND group_id=? ORDER BY seq");
            ps.setString(1, setName);
            ps.setLong(2, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(r -> items.add(codec.decode(r, type)));
        return items;
    }

    /** Whether a run has recorded (done or failed) an input item of exposure {@code groupId}. */
    public boolean hasRecordedGroup(long runId, long groupId) {
        return db.read(c -> {
            PreparedStatement ps = db.prepared("SELECT 1 FROM run_items WHERE run_id=? AND input_item_id=? LIMIT 1");
            ps.setLong(1, runId);
            ps.setLong(2, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The input positions a run has recorded (done or failed). */
    public Set<Long> recordedInputs(long runId) {
        return db.read(c -> {
            Set<Long> seqs = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT input_seq FROM run_items WHERE run_id=? AND input_seq IS NOT NULL")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
            }
            return seqs;
        });
    }

    /** The keys a run has recorded (done or failed). */
    public Set<String> recordedKeys(long runId) {
        return db.read(c -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key FROM run_items WHERE run_id=?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        });
    }

    /** Failed items of a run: key and reason, oldest first. */
    public List<String[]> failures(long runId, int max) {
        return db.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, error FROM run_items WHERE run_id=? "
                    + "AND status='failed' ORDER BY committed_ms LIMIT ?")) {
                ps.setLong(1, runId);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
    }

    // -- monitor time series --

    public void record(long runId, String name, long timeMillis, Map<String, Double> values) {
        db.transaction(c -> {
            PreparedStatement ps = db.prepared("INSERT INTO series(run_id, name, t_ms, data) VALUES(?,?,?,?)");
            ps.setLong(1, runId);
            ps.setString(2, name);
            ps.setLong(3, timeMillis);
            ps.setString(4, codec.json(values));
            ps.executeUpdate();
            return null;
        });
    }

    /** The samples of one series: time and values. */
    public List<Map.Entry<Long, Map<String, Double>>> series(long runId, String name) {
        List<Map.Entry<Long, String>> rows = db.read(c -> {
            List<Map.Entry<Long, String>> out = new ArrayList<>();
            PreparedStatement ps = db.prepared("SELECT t_ms, data FROM series WHERE run_id=? AND name=? ORDER BY t_ms");
            ps.setLong(1, runId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.entry(rs.getLong(1), rs.getString(2)));
                }
            }
            return out;
        });
        List<Map.Entry<Long, Map<String, Double>>> samples = new ArrayList<>(rows.size());
        for (Map.Entry<Long, String> row : rows) {
            Map<String, Double> values = new LinkedHashMap<>();
            codec.map(row.getValue()).forEach((k, v) -> values.put(k, v == null ? null : ((Number) v).doubleValue()));
            samples.add(Map.entry(row.getKey(), values));
        }
        return samples;
    }

    // -- requests from other processes --

    public void request(long runId, String kind) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO requests(run_id, kind, created_ms) VALUES(?,?,?)")) {
                ps.setLong(1, runId);
                ps.setString(2, kind);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Takes the pending requests (marking them handled): run id and kind. */
    public List<Map.Entry<Long, String>> takeRequests() {
        return db.transaction(c -> {
            List<Map.Entry<Long, String>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, run_id, kind FROM requests WHERE handled=0 ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.entry(rs.getLong(2), rs.getString(3)));
                }
            }
            if (!out.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET handled=1 WHERE handled=0")) {
                    ps.executeUpdate();
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
