package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The incidents of one monitor run, kept in {@code alerts.json} so that a restarted monitor neither forgets them
 * nor notifies an open incident twice. Each refresh passes the conditions that hold now: a new key opens an
 * incident (returned, to be notified once); an open key that no longer holds is closed. Not thread-safe.
 */
final class AlertBook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final List<Alert> alerts = new ArrayList<>();

    AlertBook(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                alerts.addAll(JSON.readValue(file.toFile(), new TypeReference<List<Alert>>() { }));
            } catch (IOException e) {
                // NB: a damaged file only loses past incidents; open ones are raised again
            }
        }
    }

    /**
     * Updates the incidents from the conditions that hold now (key to message).
     *
     * @return the incidents that opened now
     */
    List<Alert> update(Map<String, String> holding, long now) {
        Map<String, Alert> open = new LinkedHashMap<>();
        for (Alert a : alerts) {
            if (a.open()) {
                open.put(a.key(), a);
            }
        }
        List<Alert> opened = new ArrayList<>();
        holding.forEach((key, message) -> {
            if (!open.containsKey(key)) {
                Alert a = new Alert(key, message, now, 0);
                alerts.add(a);
                opened.add(a);
            }
        });
        for (int i = 0; i < alerts.size(); i++) {
            Alert a = alerts.get(i);
            if (a.open() && !holding.containsKey(a.key())) {
                alerts.set(i, new Alert(a.key(), a.message(), a.openedMillis(), now));
            }
        }
        save();
        return opened;
    }

    /** Every incident, oldest first. */
    List<Alert> all() {
        return List.copyOf(alerts);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), alerts);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }
}
