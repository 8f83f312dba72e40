package org.scipionj.shell.internal;

import java.io.InputStream;
import java.util.function.Function;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code scipion shell -c "COMMAND"} when no server runs (with a server, the launcher sends the command to the
 * server's shell instead): runs one Gogo command in this short-lived runtime. Exit code 0, or 1 when it failed.
 */
@Component(service = Function.class, property = {"scipion.cli.command=shell",
        "scipion.cli.usage=shell [-c \"COMMAND\"]   Gogo shell (scope scipion) of the running server, else of a new runtime"})
public final class ShellCommandLine implements Function<String[], Integer> {

    private final CommandProcessor processor;

    @Activate
    public ShellCommandLine(@Reference CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Integer apply(String[] args) {
        if (args.length != 2 || !(args[0].equals("-c") || args[0].equals("--command"))) {
            System.err.println("scipion: usage: shell [-c \"COMMAND\"]");
            return 1;
        }
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), System.out, System.err)) {
            return GogoLine.run(session, args[1], System.out, System.err);
        }
    }
}
