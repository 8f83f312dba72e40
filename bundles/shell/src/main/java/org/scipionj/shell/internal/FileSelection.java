package org.scipionj.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.project.ScipionException;

/**
 * Turns what a user gave as {@code --input} (a quoted glob such as {@code "data/*.mrc"}, or the file list a
 * shell expanded it into) into the folder and pattern an import takes. Immutable.
 *
 * @param folder base folder
 * @param pattern glob relative to it
 */
record FileSelection(String folder, String pattern) {

    private static final String GLOB = "*?[{";

    static FileSelection of(List<String> inputs) {
        if (inputs.size() == 1 && inputs.get(0).chars().anyMatch(c -> GLOB.indexOf(c) >= 0)) {
            Path glob = Path.of(inputs.get(0)).toAbsolutePath().normalize();
            Path folder = glob.getRoot();
            List<String> rest = new ArrayList<>();
            boolean globbing = false;
            for (Path part : glob.subpath(0, glob.getNameCount())) {
                String s = part.toString();
                globbing |= s.chars().anyMatch(c -> GLOB.indexOf(c) >= 0);
                if (globbing) {
                    rest.add(s);
                } else {
                    folder = folder.resolve(s);
                }
            }
            return new FileSelection(folder.toString(), String.join("/", rest));
        }
        Path folder = null;
        List<String> names = new ArrayList<>();
        for (String in : inputs) {
            Path file = Path.of(in).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new ScipionException("--input " + in + ": no such file");
            }
            if (folder != null && !folder.equals(file.getParent())) {
                throw new ScipionException("--input files are in several folders; quote a glob instead, e.g. "
                        + "--input \"data/**/*.mrc\"");
            }
            folder = file.getParent();
            String name = file.getFileName().toString();
            if (name.chars().anyMatch(c -> (GLOB + ",}").indexOf(c) >= 0)) {
                throw new ScipionException("--input " + in + ": file names with glob characters are not supported");
            }
            names.add(name);
        }
        return new FileSelection(folder.toString(), names.size() == 1 ? names.get(0) : "{" + String.join(",", names) + "}");
    }
}
