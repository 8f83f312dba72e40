package org.scipionj.slurm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills Scipion's hosts.conf placeholders: {@code %_(NAME)s} (text) and {@code %_(NAME)d} (a whole number);
 * {@code %%} is a literal {@code %} (so SLURM's {@code %j} is written {@code %%j}). Stateless.
 */
final class Placeholders {

    private static final Pattern TOKEN = Pattern.compile("%%|%_\\(([A-Za-z0-9_]+)\\)([sd])");

    private Placeholders() {
    }

    /**
     * @throws IllegalArgumentException naming every placeholder without a value (and the known names), or a
     *         {@code d} placeholder whose value is not a whole number
     */
    static String fill(String template, Map<String, String> values, String where) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String replacement;
            if (m.group().equals("%%")) {
                replacement = "%";
            } else {
                String v = values.get(m.group(1));
                if (v == null) {
                    missing.add(m.group(1));
                    replacement = "";
                } else if (m.group(2).equals("d")) {
                    try {
                        replacement = Long.toString(Math.round(Double.parseDouble(v.trim())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(where + ": %_(" + m.group(1) + ")d needs a number, the "
                                + "value is '" + v + "'");
                    }
                } else {
                    replacement = v;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + " uses " + missing + " which have no value; give them in the "
                    + "queue's parameters (QUEUES/QUEUES_DEFAULT) or the run's _queueParams (known: "
                    + new TreeSet<>(values.keySet()) + ")");
        }
        return out.toString();
    }

    /** A value quoted for a POSIX shell. */
    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
