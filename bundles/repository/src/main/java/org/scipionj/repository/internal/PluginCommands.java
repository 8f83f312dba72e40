package org.scipionj.repository.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What {@code installp} and {@code uninstallp} do with their arguments, printing to a stream; shared by the
 * command line and the Gogo shell. Thread-safe (the installer serialises).
 */
final class PluginCommands {

    private final PluginInstaller installer;

    PluginCommands(PluginInstaller installer) {
        this.installer = installer;
    }

    void installp(String[] args, PrintStream out) {
        PluginArgs a = PluginArgs.parse(args, PluginArgs.INSTALLP_USAGE);
        Repository repo = a.repo() != null ? Repository.open(a.repo()) : null;
        if (a.list()) {
            installer.list(repo != null ? repo : installer.defaultRepository(), out);
        } else if (a.file() != null) {
            if (!a.plugins().isEmpty()) {
                throw new PluginException("give either --file or -p, not both; usage: " + PluginArgs.INSTALLP_USAGE);
            }
            installer.installFile(a.file(), out);
        } else if (!a.plugins().isEmpty()) {
            installer.install(repo != null ? repo : installer.defaultRepository(), a.plugins(), a.ifMissing(), out);
        } else {
            throw new PluginException("nothing to install; usage: " + PluginArgs.INSTALLP_USAGE
                    + " ('installp --list' shows the available plugins)");
        }
    }

    void uninstallp(String[] args, PrintStream out) {
        PluginArgs a = PluginArgs.parse(args, PluginArgs.UNINSTALLP_USAGE);
        if (a.plugins().isEmpty() || a.list() || a.file() != null || a.repo() != null) {
            throw new PluginException("usage: " + PluginArgs.UNINSTALLP_USAGE);
        }
        installer.uninstall(a.plugins(), out);
    }

    /** Runs a command into a string (for Gogo); a refusal becomes its message. */
    static String capture(java.util.function.Consumer<PrintStream> command) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            command.accept(out);
        } catch (PluginException e) {
            return buffer.toString(StandardCharsets.UTF_8) + "refused: " + e.getMessage() + "\n";
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
