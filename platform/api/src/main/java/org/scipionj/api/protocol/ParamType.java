package org.scipionj.api.protocol;

/** The value types a protocol parameter can have, and how workflow JSON values are read into them. */
public enum ParamType {
    /** Free text. */
    STRING,
    /** true/false; also accepts "true"/"false"/"yes"/"no" and 0/1. */
    BOOLEAN,
    /** Whole number (a Java long). */
    INTEGER,
    /** Decimal number (a Java double). */
    FLOAT,
    /** A file path. */
    PATH,
    /** A folder path. */
    FOLDER,
    /** One of {@link Param#choices()}: given as its index (Scipion's EnumParam) or its label. Read as an int index. */
    CHOICE,
    /** A duration: seconds as a number, or text such as {@code 90s}, {@code 30m}, {@code 12h}, {@code 1h30m}. */
    DURATION,
    /**
     * Other runs of the workflow, by id (Scipion's MultiPointerParam, e.g. {@code "inputProtocols": ["2", "56"]}):
     * given as a list of ids or pointers, or text with ids separated by commas or spaces. Read as a
     * {@code List<Long>}. Watching runs does not make this run wait for them.
     */
    RUN_LIST
}
