package org.scipionj.repository.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands in scope {@code scipion}: {@code plugins}, {@code installp ARGS...}, {@code uninstallp ARGS...}
 * (the same arguments as on the command line), acting on the runtime the shell runs in. Thread-safe.
 */
@Component(service = PluginShellCommands.class, property = {"osgi.command.scope=scipion",
        "osgi.command.function=plugins", "osgi.command.function=installp", "osgi.command.function=uninstallp"})
public final class PluginShellCommands {

    private final PluginInstaller installer;
    private final PluginCommands commands;

    @Activate
    public PluginShellCommands(@Reference PluginInstaller installer) {
        this.installer = installer;
        this.commands = new PluginCommands(installer);
    }

    /** Installed plugins and the state of their bundles in this runtime. */
    public String plugins() {
        return installer.plugins();
    }

    public String installp(String... args) {
        return PluginCommands.capture(out -> commands.installp(args, out));
    }

    public String uninstallp(String... args) {
        return PluginCommands.capture(out -> commands.uninstallp(args, out));
    }
}
