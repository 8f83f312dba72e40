package org.scipionj.image.star;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A STAR file: data blocks in order. Reads what RELION 3.0–5.0 writes (with or without {@code # version},
 * quoted values, several tables per file) and writes files RELION reads. Immutable; thread-safe.
 */
public final class StarFile {

    /** The version line RELION 3.1+ writes. */
    public static final String VERSION = "# version 30001";

    private final List<StarBlock> blocks;

    public StarFile(List<StarBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public List<StarBlock> blocks() {
        return blocks;
    }

    /** The block named {@code name} (without {@code data_}). */
    public Optional<StarBlock> block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Reads a file; errors name the file and line. */
    public static StarFile read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses STAR text; {@code source} names it in errors. */
    public static StarFile parse(String text, String source) throws IOException {
        List<StarBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        String block = null;
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> columns = null;
        StarBlock.Builder table = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            i++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("data_")) {
                flush(blocks, block, pairs, table);
                block = line.substring(5).strip();
                pairs = new LinkedHashMap<>();
                table = null;
                columns = null;
                continue;
            }
            if (block == null) {
                throw new IOException(source + ", line " + lineNo + ": '" + abbreviate(line)
                        + "' before any data_ block; this is not a STAR file");
            }
            if (line.startsWith("loop_")) {
                flush(blocks, block, pairs, table);
                pairs = new LinkedHashMap<>();
                columns = new ArrayList<>();
                while (i < lines.length && lines[i].strip().startsWith("_")) {
                    String label = lines[i].strip().split("\\s+")[0].substring(1);
                    columns.add(label);
                    i++;
                }
                if (columns.isEmpty()) {
                    throw new IOException(source + ", line " + lineNo + ": loop_ without column labels");
                }
                table = StarBlock.table(block, columns);
                continue;
            }
            if (table != null && !line.startsWith("_")) {
                List<String> values = tokens(line, source, lineNo);
                if (values.size() != columns.size()) {
                    throw new IOException(source + ", line " + lineNo + ": " + values.size() + " values for "
                            + columns.size() + " columns of data_" + block);
                }
                table.addRow(values.toArray());
                continue;
            }
            if (line.startsWith("_")) {
                if (table != null) {
                    flush(blocks, block, pairs, table);
                    table = null;
                    pairs = new LinkedHashMap<>();
                }
                List<String> kv = tokens(line, source, lineNo);
                pairs.put(kv.get(0).substring(1), kv.size() > 1 ? kv.get(1) : "");
                continue;
            }
            throw new IOException(source + ", line " + lineNo + ": unexpected '" + abbreviate(line) + "'");
        }
        flush(blocks, block, pairs, table);
        if (blocks.isEmpty()) {
            throw new IOException(source + " has no data_ block; this is not a STAR file");
        }
        return new StarFile(blocks);
    }

    private static void flush(List<StarBlock> blocks, String block, Map<String, String> pairs, StarBlock.Builder table) {
        if (block == null) {
            return;
        }
        if (table != null) {
            blocks.add(table.build());
        } else if (!pairs.isEmpty()) {
            blocks.add(StarBlock.pairs(block, pairs));
        }
    }

    /** Splits a line into values; single or double quotes group a value with spaces. */
    private static List<String> tokens(String line, String source, int lineNo) throws IOException {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IOException(source + ", line " + lineNo + ": unclosed quote");
                }
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else if (c == '#') {
                break;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                out.add(line.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** Writes the file atomically (temporary file, then rename), blocks in order, with the version line. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(toText());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's text. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (StarBlock b : blocks) {
            out.append('\n').append(VERSION).append("\n\ndata_").append(b.name()).append("\n\n");
            if (!b.isTable()) {
                int width = b.pairs().keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
                b.pairs().forEach((k, v) -> out.append(pad("_" + k, width)).append(quote(v)).append('\n'));
                out.append('\n');
                continue;
            }
            out.append("loop_\n");
            for (int c = 0; c < b.columns().size(); c++) {
                out.append('_').append(b.columns().get(c)).append(" #").append(c + 1).append('\n');
            }
            int[] widths = new int[b.columns().size()];
            for (List<String> row : b.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], quote(row.get(c)).length());
                }
            }
            for (List<String> row : b.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    out.append(c == 0 ? "" : " ").append(pad(quote(row.get(c)), widths[c]));
                }
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String quote(String v) {
        if (v.isEmpty()) {
            return "\"\"";
        }
        if (v.chars().anyMatch(Character::isWhitespace) || v.startsWith("_") || v.startsWith("#")
                || v.startsWith("data_") || v.startsWith("loop_")) {
            return v.contains("\"") ? "'" + v + "'" : "\"" + v + "\"";
        }
        return v;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
