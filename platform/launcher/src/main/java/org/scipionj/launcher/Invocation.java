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
    private final String host;
    private final String port;

    private Invocation(List<String> args, String host, String port) {
        this.args = List.copyOf(args);
        this.host = host;
        this.port = port;
    }

    /** No arguments, {@code --help} or {@code -h} become {@code help}; anything else is kept as is. */
    static Invocation parse(String... argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        if (args.isEmpty()) {
            args.add(HELP);
        } else if (args.get(0).equals("--help") || args.get(0).equals("-h")) {
            args.set(0, HELP);
        }
        String host = null;
        String port = null;
        if (args.get(0).equals(SERVER)) {
            // NB: the launcher owns --host/--port (they become framework properties); the CLI never sees them
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                String name = null;
                for (String option : new String[] {"--host", "--port"}) {
                    if (a.equals(option) && i + 1 < args.size()) {
                        name = option;
                        value = args.remove(i + 1);
                    } else if (a.startsWith(option + "=")) {
                        name = option;
                        value = a.substring(option.length() + 1);
                    }
                }
                if (name != null) {
                    args.remove(i--);
                    if (name.equals("--host")) {
                        host = value;
                    } else {
                        port = value;
                    }
                }
            }
        }
        return new Invocation(args, host, port);
    }

    /** {@code --host H} of {@code server}, or null. */
    String host() {
        return host;
    }

    /** {@code --port N} of {@code server}, or null. */
    String port() {
        return port;
    }

    /** {@code server} without {@code --stop}/{@code --status}: the one command that serves HTTP. */
    boolean isServing() {
        return command().equals(SERVER) && !args.contains("--stop") && !args.contains("--status");
    }

    String command() {
        return args.get(0);
    }

    /** All arguments, the command first, as passed to the CLI service. */
    String[] args() {
        return args.toArray(new String[0]);
    }

    /** {@code shell} without {@code -c}: the interactive console. */
    boolean isShell() {
        return command().equals(SHELL) && shellCommand() == null;
    }

    /** The command of {@code shell -c "COMMAND"}, or null. */
    String shellCommand() {
        if (!command().equals(SHELL)) {
            return null;
        }
        for (int i = 1; i < args.size() - 1; i++) {
            if (args.get(i).equals("-c") || args.get(i).equals("--command")) {
                return args.get(i + 1);
            }
        }
        return null;
    }

    /** The arguments of the background runtime for a project: {@code runtime name=NAME}. */

    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
