package org.scipionj.api.protocol;

import java.util.List;

/**
 * The description of one protocol parameter: name (as in Scipion's workflow JSON), type, default,
 * label, help and validation limits. Build with the static factories and the {@code with…} methods:
 *
 * <pre>{@code
 * Param.decimal("voltage", 300.0).label("Voltage (kV)").range(1, 1000)
 * Param.ignored("GPUIDs", "the native implementation runs on the CPU")
 * }</pre>
 *
 * @param name parameter name, as in workflow JSON
 * @param type value type
 * @param defaultValue default value (already of the type's Java class), or null for none
 * @param label short label for forms
 * @param help longer help text
 * @param required whether a value must be given (a null default then is an error)
 * @param min minimum for numbers, or null
 * @param max maximum for numbers, or null
 * @param choices labels of a CHOICE parameter, in index order
 * @param provenance whether the value can change results (false for thread counts, verbosity)
 * @param ignoredBecause non-null for a parameter accepted for compatibility with Scipion workflows that
 *        has no effect here; the text says why
 */
public record Param(String name, ParamType type, Object defaultValue, String label, String help, boolean required,
                    Double min, Double max, List<String> choices, boolean provenance, String ignoredBecause) {

    public Param {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("parameter " + name + " needs a type");
        }
        label = label == null ? name : label;
        help = help == null ? "" : help;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    private static Param of(String name, ParamType type, Object def) {
        return new Param(name, type, def, name, "", false, null, null, List.of(), true, null);
    }

    public static Param string(String name, String def) {
        return of(name, ParamType.STRING, def);
    }

    public static Param bool(String name, boolean def) {
        return of(name, ParamType.BOOLEAN, def);
    }

    public static Param integer(String name, Long def) {
        return of(name, ParamType.INTEGER, def);
    }

    public static Param integer(String name, long def) {
        return of(name, ParamType.INTEGER, def);
    }

    public static Param decimal(String name, Double def) {
        return of(name, ParamType.FLOAT, def);
    }

    public static Param decimal(String name, double def) {
        return of(name, ParamType.FLOAT, def);
    }

    public static Param path(String name) {
        return of(name, ParamType.PATH, null);
    }

    public static Param folder(String name) {
        return of(name, ParamType.FOLDER, null);
    }

    /** A duration in seconds by default. */
    public static Param duration(String name, long defaultSeconds) {
        return of(name, ParamType.DURATION, java.time.Duration.ofSeconds(defaultSeconds));
    }

    public static Param choice(String name, int defaultIndex, String... choices) {
        return new Param(name, ParamType.CHOICE, defaultIndex, name, "", false, null, null, List.of(choices), true,
                null);
    }

    /** Other runs of the workflow, by id (Scipion's {@code inputProtocols}). */
    public static Param runs(String name) {
        return of(name, ParamType.RUN_LIST, java.util.List.of());
    }

    /** A parameter accepted for compatibility with Scipion workflows that has no effect; values are not checked. */
    public static Param ignored(String name, String because) {
        return new Param(name, ParamType.STRING, null, name, because, false, null, null, List.of(), false, because);
    }

    public Param label(String newLabel) {
        return new Param(name, type, defaultValue, newLabel, help, required, min, max, choices, provenance,
                ignoredBecause);
    }

    public Param help(String newHelp) {
        return new Param(name, type, defaultValue, label, newHelp, required, min, max, choices, provenance,
                ignoredBecause);
    }

    public Param range(double newMin, double newMax) {
        return new Param(name, type, defaultValue, label, help, required, newMin, newMax, choices, provenance,
                ignoredBecause);
    }

    public Param min(double newMin) {
        return new Param(name, type, defaultValue, label, help, required, newMin, max, choices, provenance,
                ignoredBecause);
    }

    public Param asRequired() {
        return new Param(name, type, defaultValue, label, help, true, min, max, choices, provenance, ignoredBecause);
    }

    /** Marks a parameter that cannot change results (threads, verbosity): two runs differing only here are equal. */
    public Param notProvenance() {
        return new Param(name, type, defaultValue, label, help, required, min, max, choices, false, ignoredBecause);
    }

    /** Whether this parameter is accepted only for compatibility and has no effect. */
    public boolean isIgnored() {
        return ignoredBecause != null;
    }
}
