package org.scipionj.repository.internal;

import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code scipion uninstallp -p NAME} (a command of the CLI whiteboard). Exit code 0, or 1 with one message. */
@Component(service = Function.class, property = {"scipion.cli.command=uninstallp",
        "scipion.cli.usage=" + PluginArgs.UNINSTALLP_USAGE + "   remove installed plugins"})
public final class UninstallpCommand implements Function<String[], Integer> {

    private final PluginCommands commands;

    @Activate
    public UninstallpCommand(@Reference PluginInstaller installer) {
        this.commands = new PluginCommands(installer);
    }

    @Override
    public Integer apply(String[] args) {
        try {
            commands.uninstallp(args, System.out);
            return 0;
        } catch (PluginException e) {
            System.err.println("scipion: uninstallp: " + e.getMessage());
            return 1;
        }
    }
}
