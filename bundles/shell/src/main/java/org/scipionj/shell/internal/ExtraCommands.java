package org.scipionj.shell.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Commands other bundles add to the {@code scipion} command line (the whiteboard): a
 * {@code Function<String[], Integer>} service with the properties {@code scipion.cli.command=NAME} and
 * {@code scipion.cli.usage=ONE LINE}. It receives the arguments after the command name and returns the exit
 * code, printing to System.out/err itself. Thread-safe.
 */
@Component(service = ExtraCommands.class)
public final class ExtraCommands {

    private final Map<String, Function<String[], Integer>> commands = new ConcurrentHashMap<>();
    private final Map<String, String> usages = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(scipion.cli.command=*)")
    void addCommand(Function<String[], Integer> command, Map<String, Object> properties) {
        String name = String.valueOf(properties.get("scipion.cli.command"));
        commands.put(name, command);
        usages.put(name, String.valueOf(properties.getOrDefault("scipion.cli.usage", name)));
    }

    void removeCommand(Function<String[], Integer> command, Map<String, Object> properties) {
        String name = String.valueOf(properties.get("scipion.cli.command"));
        commands.remove(name, command);
        usages.remove(name);
    }

    boolean has(String name) {
        return commands.containsKey(name);
    }

    int run(String name, String[] args) {
        Integer code = commands.get(name).apply(args);
        return code == null ? 0 : code;
    }

    /** One line per added command, for the help text (empty when none). */
    String usage() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(usages).forEach((name, usage) -> out.append("\n  ").append(usage));
        return out.toString();
    }
}
