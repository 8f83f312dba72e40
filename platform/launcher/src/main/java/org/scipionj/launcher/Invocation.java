package org.scipionj.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked for: a command and its arguments, parsed without side effects.
 * <p>
 * The launcher only needs to know three things about a command line: whether it is the interactive
 * {@code shell}, whether it schedules a project that should then run in a background runtime, and
 * that project's name. Everything else is the CLI service's business. Immutable and thread-safe.
 */
final class Invocation {

    static final String HELP = "help";
    static final String SHELL = "shell";
    static final String SCHEDULE_PROJECT = "schedule-project";
    static final String RUNTIME = "runtime";
    static final String FOREGROUND = "--foreground";

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

    /** {@code schedule-project} without {@code --foreground}: a successful run is followed by a background runtime. */
    boolean startsBackgroundRuntime() {
        return command().equals(SCHEDULE_PROJECT) && !args.contains(FOREGROUND);
    }

    /**
     * The project a command names: {@code name=X}, {@code project=X}, {@code --name=X}, {@code --name X}
     * (also {@code --project}, {@code -n}) or else the first plain argument after the command.
     */
    Optional<String> projectName() {
        String positional = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            for (String key : List.of("name=", "project=", "--name=", "--project=")) {
                if (arg.startsWith(key) && arg.length() > key.length()) {
                    return Optional.of(arg.substring(key.length()));
                }
            }
            if ((arg.equals("--name") || arg.equals("--project") || arg.equals("-n")) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (positional == null && !arg.startsWith("-") && !arg.contains("=")) {
                positional = arg;
            }
        }
        return Optional.ofNullable(positional);
    }

    /** The arguments of the background runtime for a project: {@code runtime name=NAME}. */
    static String[] runtimeArgs(String projectName) {
        return new String[] {RUNTIME, "name=" + projectName};
    }

    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
