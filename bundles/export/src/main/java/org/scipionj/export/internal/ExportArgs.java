package org.scipionj.export.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.scipionj.api.project.ScipionException;

/**
 * The arguments of {@code scipion export}: {@code name=NAME run=ID [output=NAME] [--format star|json] --out PATH
 * [--absolute]}; {@code --format} and {@code --out} also as {@code --format=json} / {@code out=PATH}.
 *
 * @param absolute STAR files name data by absolute paths instead of links in the export folder
 */
record ExportArgs(String project, long run, String output, Exporter.Format format, Path out, boolean absolute) {

    static final String USAGE = "export name=NAME run=ID [output=NAME] [--format star|json] --out PATH [--absolute]";

    /** @throws ScipionException naming the wrong or missing argument, with the usage */
    static ExportArgs parse(String[] args) {
        String name = null;
        String run = null;
        String output = null;
        String format = "star";
        String out = null;
        boolean absolute = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String key = a.startsWith("--") ? a.substring(2) : a;
            String value = null;
            int eq = key.indexOf('=');
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (a.startsWith("--") && (key.equals("format") || key.equals("out"))) {
                if (i + 1 >= args.length) {
                    throw new ScipionException("export: " + a + " needs a value; usage: " + USAGE);
                }
                value = args[++i];
            }
            switch (key) {
                case "name" -> name = value;
                case "run" -> run = value;
                case "output" -> output = value;
                case "format" -> format = value;
                case "out" -> out = value;
                case "absolute" -> absolute = value == null || Boolean.parseBoolean(value.trim());
                default -> throw new ScipionException("export: unknown argument '" + a + "'; usage: " + USAGE);
            }
            if (value == null && !key.equals("absolute")) { // NB: --absolute is the one flag
                throw new ScipionException("export: '" + a + "' needs a value; usage: " + USAGE);
            }
        }
        if (name == null || name.isBlank() || run == null || out == null || out.isBlank()) {
            throw new ScipionException("export needs name=, run= and --out; usage: " + USAGE);
        }
        long runId;
        try {
            runId = Long.parseLong(run.trim());
        } catch (NumberFormatException e) {
            throw new ScipionException("export: run must be a run id (a whole number), not '" + run + "'");
        }
        Exporter.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "star" -> Exporter.Format.STAR;
            case "json" -> Exporter.Format.JSON;
            default -> throw new ScipionException("export: --format must be star or json, not '" + format + "'");
        };
        return new ExportArgs(name.trim(), runId, output, f, Path.of(out).toAbsolutePath().normalize(), absolute);
    }
}
