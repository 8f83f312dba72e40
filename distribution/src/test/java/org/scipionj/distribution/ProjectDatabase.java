package org.scipionj.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a project's database ({@code project.sqlite}) directly and read-only, as an independent witness of what
 * the runtime committed: set sizes and the items' stored JSON. Never writes; safe while a runtime runs.
 */
final class ProjectDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SQLiteDataSource source = new SQLiteDataSource();

    ProjectDatabase(Path projectDir) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        source.setConfig(config);
        source.setUrl("jdbc:sqlite:" + projectDir.resolve("project.sqlite").toAbsolutePath());
    }

    /** Every set of the project with its number of items (sets without items count 0). */
    Map<String, Long> setSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        query("SELECT s.name, (SELECT COUNT(*) FROM items i WHERE i.set_name = s.name) FROM sets s ORDER BY s.name",
                null, rs -> sizes.put(rs.getString(1), rs.getLong(2)));
        return sizes;
    }

    /** The items of one set, in stream order, as their stored JSON. */
    List<JsonNode> items(String set) {
        List<JsonNode> items = new ArrayList<>();
        query("SELECT data FROM items WHERE set_name = ? ORDER BY seq", set, rs -> {
            try {
                items.add(JSON.readTree(rs.getString(1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return items;
    }

    /** The status column of each run, by id. */
    Map<Long, String> runStatuses() {
        Map<Long, String> statuses = new LinkedHashMap<>();
        query("SELECT id, status FROM runs ORDER BY id", null, rs -> statuses.put(rs.getLong(1), rs.getString(2)));
        return statuses;
    }

    /** The number of input items each run has processed successfully, by run id (runs with none are absent). */
    Map<Long, Long> doneCounts() {
        Map<Long, Long> done = new LinkedHashMap<>();
        query("SELECT run_id, COUNT(*) FROM run_items WHERE status = 'done' GROUP BY run_id ORDER BY run_id", null,
                rs -> done.put(rs.getLong(1), rs.getLong(2)));
        return done;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String arg, Row row) {
        try (Connection c = source.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (arg != null) {
                st.setString(1, arg);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + source.getUrl() + ": " + e.getMessage(), e);
        }
    }
}
