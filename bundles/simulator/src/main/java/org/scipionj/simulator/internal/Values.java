package org.scipionj.simulator.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Typed access to option values by name, with errors that name the option. Not thread-safe. */
final class Values {

    private final Map<String, String> values;

    Values(Map<String, String> values) {
        this.values = values;
    }

    void ifPresent(String name, Consumer<String> action) {
        String v = values.get(name);
        if (v != null) {
            action.accept(v);
        }
    }

    int integer(String name) {
        return parseInt(name, values.get(name));
    }

    long longInteger(String name) {
        try {
            return Long.parseLong(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + values.get(name) + "'");
        }
    }

    double number(String name) {
        return parseDouble(name, values.get(name));
    }

    boolean onOff(String name) {
        return switch (values.get(name).toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be on or off, got '" + values.get(name)
                    + "'");
        };
    }

    static int parseInt(String name, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + s + "'");
        }
    }

    static double parseDouble(String name, String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + s + "'");
        }
    }
}
