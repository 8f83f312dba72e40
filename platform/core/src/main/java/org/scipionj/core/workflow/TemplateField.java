package org.scipionj.core.workflow;

import java.util.Locale;

/**
 * One {@code ~label|default|type|alias~} field of a workflow template.
 *
 * <p>Types are read as Scipion's template code reads them: 0 string, 1 boolean, 2 path, 3 integer, 4 decimal,
 * 6 folder. Older Scipion documentation numbers 1 as path and 2 as boolean; where the default makes the intent
 * clear ({@code true}/{@code false} under type 2, a path-like default under type 1), that meaning is taken.
 *
 * @param label question shown to the user
 * @param defaultValue default answer (may contain {@code %(ENV)s})
 * @param kind what the value must be
 * @param alias short name for {@code alias=value} on the command line (the label when the template has none)
 */
public record TemplateField(String label, String defaultValue, Kind kind, String alias) {

    /** The value kinds. */
    public enum Kind { STRING, BOOLEAN, PATH, INTEGER, DECIMAL, FOLDER }

    /** Reads the type code of a field, using the default to settle the two historical meanings of 1 and 2. */
    static Kind kindOf(String code, String defaultValue, String where) {
        boolean boolDefault = defaultValue.equalsIgnoreCase("true") || defaultValue.equalsIgnoreCase("false");
        switch (code.trim()) {
            case "0":
                return Kind.STRING;
            case "1":
                return boolDefault || defaultValue.isEmpty() ? Kind.BOOLEAN : Kind.PATH;
            case "2":
                return boolDefault ? Kind.BOOLEAN : Kind.PATH;
            case "3":
                return Kind.INTEGER;
            case "4":
                return Kind.DECIMAL;
            case "6":
                return Kind.FOLDER;
            default:
                throw new IllegalArgumentException(where + ": unknown field type '" + code + "'; use 0 string, "
                        + "1 boolean, 2 path, 3 integer, 4 decimal or 6 folder");
        }
    }

    /**
     * Checks and normalises an answer.
     *
     * @return the value to put into the workflow
     * @throws IllegalArgumentException saying what is expected
     */
    public String check(String answer) {
        String v = answer.trim();
        switch (kind) {
            case BOOLEAN:
                String b = v.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("yes") || b.equals("y") || b.equals("1")) {
                    return "true";
                }
                if (b.equals("false") || b.equals("no") || b.equals("n") || b.equals("0")) {
                    return "false";
                }
                throw new IllegalArgumentException("'" + label + "' must be true or false, not '" + answer + "'");
            case INTEGER:
                try {
                    return String.valueOf(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + label + "' must be a whole number, not '" + answer + "'");
                }
            case DECIMAL:
                try {
                    Double.parseDouble(v);
                    return v;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + label + "' must be a number, not '" + answer + "'");
                }
            case PATH:
            case FOLDER:
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("'" + label + "' needs a path");
                }
                return v;
            default:
                return answer;
        }
    }

    /** Whether the value goes into JSON as a literal (number or boolean) when the field is not inside quotes. */
    boolean isLiteral() {
        return kind == Kind.BOOLEAN || kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }
}
