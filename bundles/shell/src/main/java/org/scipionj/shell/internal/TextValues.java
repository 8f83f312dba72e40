package org.scipionj.shell.internal;

/** Reads a command-line value as the JSON value it looks like (number, boolean or text). */
final class TextValues {

    private TextValues() {
    }

    static Object parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
