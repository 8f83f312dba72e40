package org.scipionj.shell.internal;

import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/** Runs one Gogo command line in a session and prints its result or its error. Stateless. */
final class GogoLine {

    private GogoLine() {
    }

    /** @return 0, or 1 when the command failed (its message printed to {@code err}) */
    static int run(CommandSession session, String line, PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(line);
            if (result != null) {
                CharSequence text = session.format(result, Converter.INSPECT);
                out.print(text);
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    out.println();
                }
            }
            return 0;
        } catch (Exception e) {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            err.println("scipion shell: " + message);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
