package org.scipionj.image.star;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code data_NAME} block: either key-value pairs ({@code _rlnKey value}) or a {@code loop_} table with
 * named columns (names without the leading underscore) and rows of text values. Immutable once built.
 *
 * <pre>{@code
 * StarBlock optics = StarBlock.table("optics", List.of("rlnOpticsGroupName", "rlnOpticsGroup"))
 *         .addRow("opticsGroup1", "1").build();
 * }</pre>
 */
public final class StarBlock {

    private final String name;
    private final Map<String, String> pairs;
    private final List<String> columns;
    private final List<List<String>> rows;

    private StarBlock(String name, Map<String, String> pairs, List<String> columns, List<List<String>> rows) {
        this.name = name;
        this.pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        this.columns = List.copyOf(columns);
        List<List<String>> frozen = new ArrayList<>(rows.size());
        rows.forEach(r -> frozen.add(List.copyOf(r)));
        this.rows = Collections.unmodifiableList(frozen);
    }

    /** A block of key-value pairs (keys without the leading underscore). */
    public static StarBlock pairs(String name, Map<String, String> pairs) {
        return new StarBlock(name, pairs, List.of(), List.of());
    }

    /** Starts a {@code loop_} table. */
    public static Builder table(String name, List<String> columns) {
        return new Builder(name, columns);
    }

    /** Block name without {@code data_} (may be empty). */
    public String name() {
        return name;
    }

    /** Whether this block is a {@code loop_} table. */
    public boolean isTable() {
        return !columns.isEmpty();
    }

    /** Key-value pairs (empty for a table). */
    public Map<String, String> pairs() {
        return pairs;
    }

    /** Column names (empty for key-value blocks). */
    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** The index of a column, or -1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /** One value of a table. */
    public String value(int row, String column) {
        int c = column(column);
        if (c < 0) {
            throw new IllegalArgumentException("block data_" + name + " has no column " + column + "; columns: " + columns);
        }
        return rows.get(row).get(c);
    }

    /** Builds a table row by row. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a loop_ table needs at least one column");
            }
            this.name = name;
            this.columns = List.copyOf(columns);
        }

        public Builder addRow(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("data_" + name + " has " + columns.size() + " columns, row has "
                        + values.length + " values");
            }
            List<String> row = new ArrayList<>(values.length);
            for (Object v : values) {
                row.add(v == null ? "" : v.toString());
            }
            rows.add(row);
            return this;
        }

        public StarBlock build() {
            return new StarBlock(name, Map.of(), columns, rows);
        }
    }
}
