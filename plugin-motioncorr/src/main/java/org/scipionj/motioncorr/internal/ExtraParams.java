package org.scipionj.motioncorr.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MotionCor2 command-line options as written in {@code extraParams2} ({@code -Bft 500 150 -Iter 10}): each option
 * with the values that follow it. Immutable.
 *
 * @param options option name (with its dash) to its values, in the order given
 */
record ExtraParams(Map<String, List<String>> options) {

    /**
     * Native default B-factors (px²). MotionCor2's are 500 and 150; on low-dose frames 500 discards the 4-7 Å band
     * that carries most of the shift information (measured on simulated data: global error 0.52 px with 500,
     * 0.36 px with 150 before temporal regularisation), so the native global default is 150.
     */
    static final double DEFAULT_B_GLOBAL = 150;
    static final double DEFAULT_B_LOCAL = 150;

    /** Options the native alignment understands. */
    static final List<String> NATIVE = List.of("-Bft", "-Iter", "-Align");

    /**
     * @throws IllegalArgumentException for text that is not a list of {@code -Option values...}, or for a native
     *         option with wrong values
     */
    static ExtraParams parse(String text) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new ExtraParams(options);
        }
        String current = null;
        for (String token : text.trim().split("\\s+")) {
            if (token.startsWith("-") && token.length() > 1 && !Character.isDigit(token.charAt(1))
                    && token.charAt(1) != '.') {
                current = token;
                options.put(current, new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException("'" + token + "' comes before any option; write options as"
                        + " '-Bft 500 150 -Iter 7'");
            } else {
                options.get(current).add(token);
            }
        }
        ExtraParams p = new ExtraParams(options);
        p.bFactors(DEFAULT_B_GLOBAL, DEFAULT_B_LOCAL);
        p.iterations(7);
        p.align();
        return p;
    }

    /** {@code -Bft global [local]}, or the defaults. */
    double[] bFactors(double global, double local) {
        List<String> v = options.get("-Bft");
        if (v == null) {
            return new double[] {global, local};
        }
        try {
            if (v.isEmpty() || v.size() > 2) {
                throw new NumberFormatException();
            }
            double g = Double.parseDouble(v.get(0));
            double l = v.size() > 1 ? Double.parseDouble(v.get(1)) : local;
            if (!(g > 0) || !(l > 0)) {
                throw new NumberFormatException();
            }
            return new double[] {g, l};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Bft needs one or two positive B-factors in px² (global, local),"
                    + " e.g. -Bft 500 150; got '" + String.join(" ", v) + "'");
        }
    }

    /** {@code -Iter n}, or the default. */
    int iterations(int fallback) {
        List<String> v = options.get("-Iter");
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.size() == 1 ? v.get(0) : "x");
            if (n < 1 || n > 100) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Iter needs one whole number from 1 to 100, got '"
                    + String.join(" ", v) + "'");
        }
    }

    /** {@code -Align 0}: a plain sum without alignment (MotionCor2's simple sum); default 1. */
    boolean align() {
        List<String> v = options.get("-Align");
        if (v == null) {
            return true;
        }
        if (v.size() == 1 && (v.get(0).equals("0") || v.get(0).equals("1"))) {
            return v.get(0).equals("1");
        }
        throw new IllegalArgumentException("-Align needs 1 (aligned sum) or 0 (simple sum), got '"
                + String.join(" ", v) + "'");
    }

    /** Options given that the native alignment does not use. */
    List<String> unusedNatively() {
        return options.keySet().stream().filter(k -> !NATIVE.contains(k)).toList();
    }

    /** The options back as command-line tokens. */
    List<String> tokens() {
        List<String> out = new ArrayList<>();
        options.forEach((k, v) -> {
            out.add(k);
            out.addAll(v);
        });
        return out;
    }
}
