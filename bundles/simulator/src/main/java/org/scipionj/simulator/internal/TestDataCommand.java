package org.scipionj.simulator.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

/**
 * {@code scipion testdata}: writes synthetic movies with their ground truth (options: {@link CliOptions#USAGE}).
 * Registered on the shell's command whiteboard; returns 0 when done, 1 for a user error (one message naming the
 * option and the accepted values, or the folder that cannot be written), 2 for an internal error, 130 when
 * interrupted. Stateless, so thread-safe.
 */
@Component(service = Function.class, property = {
        "scipion.cli.command=testdata",
        "scipion.cli.usage=testdata --generate PRESET --out DIR [...]   write synthetic movies with ground truth"})
public final class TestDataCommand implements Function<String[], Integer> {

    @Override
    public Integer apply(String[] args) {
        return run(args, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions cli;
        try {
            cli = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("scipion testdata: " + e.getMessage());
            return 1;
        }
        if (cli.help()) {
            out.println(CliOptions.USAGE);
            return 0;
        }
        try {
            new Acquisition(cli.options(), cli.out(), out).run();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("scipion testdata: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("scipion testdata: cannot write into " + cli.out() + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("scipion testdata: interrupted");
            return 130;
        } catch (RuntimeException e) {
            err.println("scipion testdata: internal error: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }
}
