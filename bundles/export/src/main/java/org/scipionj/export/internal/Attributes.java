package org.scipionj.export.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of item attributes (JSON values after a round trip through the project database). Stateless. */
final class Attributes {

    private Attributes() {
    }

    /** A number attribute, or NaN when absent or not a number. */
    static double number(Map<String, Object> attributes, String key) {
        Object v = attributes.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** A list of numbers, or null when absent or not a list of numbers. */
    static double[] numbers(Map<String, Object> attributes, String key) {
        if (!(attributes.get(key) instanceof List<?> list)) {
            return null;
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Number n)) {
                return null;
            }
            out.add(n.doubleValue());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
