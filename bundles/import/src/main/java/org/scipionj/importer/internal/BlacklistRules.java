package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.scipionj.api.protocol.Parameters;

/**
 * Which files an import skips: paths or regular expressions from Scipion's {@code blacklistFile}, a
 * {@code blacklistRegex}, and a modification-date window ({@code blacklistDateFrom}/{@code blacklistDateTo}).
 * Immutable and thread-safe.
 */
final class BlacklistRules {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");

    private final List<Pattern> patterns;
    private final List<String> names;
    private final Long fromMillis;
    private final Long toMillis;

    BlacklistRules(List<Pattern> patterns, List<String> names, Long fromMillis, Long toMillis) {
        this.patterns = List.copyOf(patterns);
        this.names = List.copyOf(names);
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    static BlacklistRules from(Parameters p) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (p.has("blacklistRegex") && !p.string("blacklistRegex").isBlank()) {
            patterns.add(Pattern.compile(p.string("blacklistRegex")));
        }
        Path file = p.path("blacklistFile");
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("blacklistFile " + file + " does not exist");
            }
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (p.bool("useRegexps")) {
                    try {
                        patterns.add(Pattern.compile(l));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new IllegalArgumentException("blacklistFile " + file + " line " + lineNo
                                + ": not a regular expression (" + e.getDescription() + "); set useRegexps to false "
                                + "to match file names literally");
                    }
                } else {
                    names.add(l);
                }
            }
        }
        return new BlacklistRules(patterns, names, millis(p.string("blacklistDateFrom")),
                millis(p.string("blacklistDateTo")));
    }

    static LocalDateTime parseDate(String text) {
        try {
            var parsed = DATE.parseBest(text.trim(), LocalDateTime::from, java.time.LocalDate::from);
            return parsed instanceof LocalDateTime t ? t : ((java.time.LocalDate) parsed).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long millis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDateTime t = parseDate(text);
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Whether the file is skipped; {@code modifiedMillis} is its last-modified time. */
    boolean skips(Path file, long modifiedMillis) {
        String path = file.toString();
        for (Pattern pattern : patterns) {
            if (pattern.matcher(path).find()) {
                return true;
            }
        }
        for (String name : names) {
            if (path.equals(name) || file.getFileName().toString().equals(name)) {
                return true;
            }
        }
        boolean inWindow = fromMillis != null || toMillis != null;
        return inWindow && (fromMillis == null || modifiedMillis >= fromMillis)
                && (toMillis == null || modifiedMillis <= toMillis);
    }

    boolean isEmpty() {
        return patterns.isEmpty() && names.isEmpty() && fromMillis == null && toMillis == null;
    }
}
