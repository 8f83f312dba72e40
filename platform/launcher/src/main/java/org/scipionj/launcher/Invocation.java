package org.scipionj.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the user asked for: a command and its arguments, parsed without side effects.
 * <p>
 * The launcher only needs to know whether a command line is the interactive {@code shell}; everything else
 * (including which project then runs in a background runtime, see {@link Main#BACKGROUND_PROJECT}) is the CLI
 * service's business. Immutable and thread-safe.
 */
final class Invocation {

    static final String HELP = "help";
    static final String SHELL = "shell";
    static final String SERVER = "server";

    private final List<String> args;

    private Invocation(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** No arguments, {@code --help} or {@code -h} become {@code help}; anything else is kept as is. */
    static Invocation parse(String... argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        if (args.isEmpty()) {
            args.add(HELP);
        } else if (args.get(0).equals("--help") || args.get(0).equals("-h")) {
            args.set(0, HELP);
        }
        return new Invocation(args);
    }

    String command() {
        return args.get(0);
    }

    /** All arguments, the command first, as passed to the CLI service. */
    String[] args() {
        return args.toArray(new String[0]);
    }

    boolean isShell() {
        return command().equals(SHELL);
    }

    /** The arguments of the background runtime for a project: {@code runtime name=NAME}. */

    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
