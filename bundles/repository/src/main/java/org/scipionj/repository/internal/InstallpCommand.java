package org.scipionj.repository.internal;

import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code scipion installp ...} (a command of the CLI whiteboard). Exit code 0, or 1 with one message. */
@Component(service = Function.class, property = {"scipion.cli.command=installp",
        "scipion.cli.usage=" + PluginArgs.INSTALLP_USAGE + "   install plugins (live in a running server)"})
public final class InstallpCommand implements Function<String[], Integer> {

    private final PluginCommands commands;

    @Activate
    public InstallpCommand(@Reference PluginInstaller installer) {
        this.commands = new PluginCommands(installer);
    }

    @Override
    public Integer apply(String[] args) {
        try {
            commands.installp(args, System.out);
            return 0;
        } catch (PluginException e) {
            System.err.println("scipion: installp: " + e.getMessage());
            return 1;
        }
    }
}
