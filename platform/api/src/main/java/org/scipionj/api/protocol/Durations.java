package org.scipionj.api.protocol;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as Scipion workflows write them: a number of seconds ({@code 90}, {@code 72000}), or text
 * with units {@code s}, {@code m}, {@code h}, {@code d}, combined and with decimals ({@code 30m}, {@code 12h},
 * {@code 1h30m}, {@code 1.5h}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smhd]?)");

    private Durations() {
    }

    /** A JSON value (number of seconds, or text) as a Duration. */
    public static Duration of(Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof Number n) {
            return seconds(n.doubleValue(), String.valueOf(value));
        }
        if (value instanceof String s) {
            return parse(s);
        }
        throw new IllegalArgumentException("'" + value + "' is not a duration; " + FORMS);
    }

    /** Text such as {@code 90}, {@code 90s}, {@code 30m}, {@code 12h}, {@code 2d}, {@code 1h30m}, {@code 1.5h}. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration; " + FORMS);
        }
        Matcher m = PART.matcher(t);
        double total = 0;
        int end = 0;
        while (end < t.length()) {
            if (!m.find(end) || m.start() != end) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; " + FORMS);
            }
            double number = Double.parseDouble(m.group(1));
            total += number * switch (m.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                default -> 1;
            };
            end = m.end();
            while (end < t.length() && t.charAt(end) == ' ') {
                end++;
            }
        }
        return seconds(total, text);
    }

    private static Duration seconds(double seconds, String text) {
        if (seconds < 0 || Double.isNaN(seconds) || seconds > 1e11) {
            throw new IllegalArgumentException("'" + text + "' is not a valid duration; " + FORMS);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static final String FORMS = "use seconds (90) or units s, m, h, d (90s, 30m, 12h, 1h30m, 1.5h)";
}
