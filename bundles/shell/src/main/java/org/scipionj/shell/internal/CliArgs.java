package org.scipionj.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scipionj.api.project.ScipionException;

/**
 * Command-line arguments in Scipion's style: a command, then {@code key=value} pairs and {@code --flags}.
 * Immutable.
 */
final class CliArgs {

    private final String command;
    private final String[] rest;
    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positional;

    private CliArgs(String command, String[] rest, Map<String, String> values, Set<String> flags,
                    List<String> positional) {
        this.command = command;
        this.rest = rest;
        this.values = values;
        this.flags = flags;
        this.positional = positional;
    }

    static CliArgs parse(String... args) {
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    values.put(a.substring(2, eq), a.substring(eq + 1));
                } else {
                    flags.add(a.substring(2));
                }
            } else if (a.indexOf('=') > 0) {
                values.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        String[] rest = args.length == 0 ? new String[0] : java.util.Arrays.copyOfRange(args, 1, args.length);
        return new CliArgs(command, rest, values, flags, positional);
    }

    String command() {
        return command;
    }

    /** The arguments after the command, as given. */
    String[] rest() {
        return rest.clone();
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A required {@code key=value}; fails with a usage hint. */
    String require(String key, String usage) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ScipionException(command + " needs " + key + "=…; usage: " + usage);
        }
        return v;
    }

    String value(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long longValue(String key, String usage) {
        String v = require(key, usage);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ScipionException(key + " must be a whole number, not '" + v + "'; usage: " + usage);
        }
    }

    /** Every {@code key=value} except the listed keys. */
    Map<String, String> valuesExcept(String... keys) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        for (String k : keys) {
            rest.remove(k);
        }
        return rest;
    }

    /** Fails naming arguments the command does not know. */
    void allow(Set<String> keys, Set<String> allowedFlags, String usage) {
        List<String> unknown = new ArrayList<>();
        values.keySet().stream().filter(k -> !keys.contains(k)).forEach(k -> unknown.add(k + "="));
        flags.stream().filter(f -> !allowedFlags.contains(f)).forEach(f -> unknown.add("--" + f));
        positional.forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new ScipionException(command + ": unknown argument" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; usage: " + usage);
        }
    }
}
