package org.scipionj.repository.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code installp} and {@code uninstallp}: {@code -p NAME} (repeatable), {@code --list},
 * {@code --file PATH}, {@code --repo DIR|URL}, {@code --if-missing}. Immutable.
 */
record PluginArgs(List<String> plugins, boolean list, Path file, String repo, boolean ifMissing) {

    static final String INSTALLP_USAGE = "installp -p NAME [-p NAME ...] [--repo DIR|URL] [--if-missing] | --list [--repo DIR|URL]"
            + " | --file PATH.jar";
    static final String UNINSTALLP_USAGE = "uninstallp -p NAME [-p NAME ...]";

    static PluginArgs parse(String[] args, String usage) {
        List<String> plugins = new ArrayList<>();
        boolean list = false;
        boolean ifMissing = false;
        Path file = null;
        String repo = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-p", "--plugin" -> plugins.add(value(args, ++i, a, usage));
                case "--list", "-l" -> list = true;
                case "--if-missing" -> ifMissing = true;
                case "--file", "-f" -> file = Path.of(value(args, ++i, a, usage)).toAbsolutePath().normalize();
                case "--repo", "-r" -> repo = value(args, ++i, a, usage);
                default -> {
                    if (a.startsWith("--repo=")) {
                        repo = a.substring(7);
                    } else if (a.startsWith("--file=")) {
                        file = Path.of(a.substring(7)).toAbsolutePath().normalize();
                    } else if (a.startsWith("-")) {
                        throw new PluginException("unknown option '" + a + "'; usage: " + usage);
                    } else {
                        plugins.add(a); // NB: 'installp motioncorr' as a shorthand for -p
                    }
                }
            }
        }
        return new PluginArgs(List.copyOf(plugins), list, file, repo, ifMissing);
    }

    private static String value(String[] args, int i, String option, String usage) {
        if (i >= args.length || args[i].startsWith("-")) {
            throw new PluginException(option + " needs a value; usage: " + usage);
        }
        return args[i];
    }
}
