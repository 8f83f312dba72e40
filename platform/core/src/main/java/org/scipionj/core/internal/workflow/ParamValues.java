package org.scipionj.core.internal.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.protocol.Durations;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.ParamType;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.ProtocolDescriptor;

/** Converts workflow JSON values into typed parameter values, with messages that name the value and the rule. */
public final class ParamValues {

    private ParamValues() {
    }

    /**
     * The typed value of one parameter ({@code null} JSON gives the default).
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public static Object convert(Param param, Object json) {
        if (param.isIgnored()) {
            return json;
        }
        if (json == null || (json instanceof String s && s.isEmpty() && param.type() != ParamType.STRING)) {
            return param.defaultValue();
        }
        Object value = switch (param.type()) {
            case STRING -> json instanceof String s ? s : String.valueOf(json);
            case BOOLEAN -> bool(json);
            case INTEGER -> integer(json);
            case FLOAT -> decimal(json);
            case PATH, FOLDER -> path(json);
            case CHOICE -> choice(param, json);
            case DURATION -> Durations.of(json);
            case RUN_LIST -> runList(json);
        };
        checkRange(param, value);
        return value;
    }

    /** Typed values of every declared parameter, defaults applied; problems are added to {@code problems}. */
    public static Parameters parameters(ProtocolDescriptor descriptor, Map<String, Object> json, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : descriptor.params()) {
            try {
                Object v = convert(p, json.get(p.name()));
                if (v == null && p.required()) {
                    problems.add("parameter '" + p.name() + "' (" + p.label() + ") needs a value");
                }
                values.put(p.name(), v);
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + p.name() + "': " + e.getMessage());
            }
        }
        return new Parameters(values);
    }

    /** Run ids from ["2", "56"], [2, 56], ["2.outputMovies"], "2 56" or "2,56". */
    public static List<Long> runList(Object json) {
        List<Object> parts = new ArrayList<>();
        if (json instanceof List<?> list) {
            parts.addAll(list);
        } else {
            for (String p : String.valueOf(json).split("[,\\s]+")) {
                if (!p.isBlank()) {
                    parts.add(p);
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Object p : parts) {
            String text = String.valueOf(p).trim();
            int dot = text.indexOf('.');
            try {
                ids.add(Long.parseLong(dot < 0 ? text : text.substring(0, dot)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a run id; give ids like [\"2\", \"56\"]");
            }
        }
        return List.copyOf(ids);
    }

    private static Boolean bool(Object json) {
        if (json instanceof Boolean b) {
            return b;
        }
        if (json instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (json instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1":
                    return true;
                case "false", "no", "0":
                    return false;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("'" + json + "' is not a boolean; use true or false");
    }

    private static Long integer(Object json) {
        double d;
        if (json instanceof Number n) {
            d = n.doubleValue();
        } else if (json instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + json + "' is not a whole number");
            }
        } else {
            throw new IllegalArgumentException("'" + json + "' is not a whole number");
        }
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("'" + json + "' is not a whole number");
        }
        return (long) d;
    }

    private static Double decimal(Object json) {
        if (json instanceof Number n) {
            return n.doubleValue();
        }
        if (json instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("'" + json + "' is not a number");
    }

    private static Path path(Object json) {
        if (!(json instanceof String s)) {
            throw new IllegalArgumentException("'" + json + "' is not a path; give it as a string");
        }
        try {
            return Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid path: " + e.getReason());
        }
    }

    private static Integer choice(Param param, Object json) {
        List<String> choices = param.choices();
        if (json instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            int i = n.intValue();
            if (i >= 0 && i < choices.size()) {
                return i;
            }
        } else if (json instanceof String s) {
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).equalsIgnoreCase(s.trim()) || String.valueOf(i).equals(s.trim())) {
                    return i;
                }
            }
        }
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            listed.add(i + "=" + choices.get(i));
        }
        throw new IllegalArgumentException("'" + json + "' is not one of " + listed);
    }

    private static void checkRange(Param p, Object value) {
        if (!(value instanceof Number n)) {
            return;
        }
        if (p.min() != null && n.doubleValue() < p.min()) {
            throw new IllegalArgumentException(value + " is below the minimum " + fmt(p.min()));
        }
        if (p.max() != null && n.doubleValue() > p.max()) {
            throw new IllegalArgumentException(value + " is above the maximum " + fmt(p.max()));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
