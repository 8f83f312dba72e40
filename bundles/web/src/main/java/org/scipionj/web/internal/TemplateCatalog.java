package org.scipionj.web.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workflow templates the web form offers: the {@code *.json.template} files of the configured folders
 * ({@code -Dscipion.workflows=DIR[:DIR...]}) and of the distribution's {@code workflows/} folder
 * ({@code scipion.home}), in that order; a template is known by its file name without {@code .json.template}
 * (letters, digits, '.', '_', '-'), and the first folder holding a name wins. The folders are listed again at
 * each call, so templates added while the server runs appear. Thread-safe.
 */
final class TemplateCatalog {

    static final String SUFFIX = ".json.template";
    /** Framework property: extra template folders, separated by the platform's path separator. */
    static final String FOLDERS_PROPERTY = "scipion.workflows";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** One template file. */
    record Entry(String id, Path file) {
    }

    private final List<Path> folders;

    TemplateCatalog(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /**
     * The folders from the framework properties.
     *
     * @param configured the value of {@code scipion.workflows}, or null
     * @param home the value of {@code scipion.home}, or null
     */
    static TemplateCatalog of(String configured, String home) {
        List<Path> folders = new ArrayList<>();
        if (configured != null) {
            for (String f : configured.split(Pattern.quote(File.pathSeparator))) {
                if (!f.isBlank()) {
                    folders.add(Path.of(f.trim()).toAbsolutePath().normalize());
                }
            }
        }
        if (home != null && !home.isBlank()) {
            folders.add(Path.of(home.trim()).toAbsolutePath().normalize().resolve("workflows"));
        }
        return new TemplateCatalog(folders);
    }

    List<Path> folders() {
        return folders;
    }

    /** Every template, by name. */
    List<Entry> list() {
        Map<String, Entry> byId = new TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)).forEach(f -> {
                    String name = f.getFileName().toString();
                    String id = name.substring(0, name.length() - SUFFIX.length());
                    if (ID.matcher(id).matches()) {
                        byId.putIfAbsent(id, new Entry(id, f));
                    }
                });
            } catch (IOException e) {
                // NB: an unreadable folder offers nothing; the list page names the folders looked in
            }
        }
        return List.copyOf(byId.values());
    }

    Optional<Entry> find(String id) {
        return list().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
