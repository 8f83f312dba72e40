package org.scipionj.export.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Items;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.stream.StreamingSet;

/**
 * The items an exported run was made from: for a type (say {@code Movie}), the nearest set of that type, looked
 * for in the run's own other outputs first (motion correction's {@code outputMovies} carry the shifts), then in
 * the runs its inputs come from, breadth first. Items are found by {@link Item#groupId() exposure id} (a movie,
 * its micrograph and its CTF share one id; a coordinate or particle names its micrograph). Not thread-safe.
 */
final class Lineage {

    private final Project project;
    private final long runId;
    private final String exported;
    private final Map<Class<?>, Map<Long, Item>> found = new HashMap<>();

    /**
     * @param exported the exported set's name, never taken as its own source
     */
    Lineage(Project project, long runId, String exported) {
        this.project = project;
        this.runId = runId;
        this.exported = exported;
    }

    /** The item of type {@code type} for the exposure {@code groupId}, if the lineage has one. */
    <T extends Item> Optional<T> find(Class<T> type, long groupId) {
        return Optional.ofNullable(type.cast(index(type).get(groupId)));
    }

    private Map<Long, Item> index(Class<? extends Item> type) {
        return found.computeIfAbsent(type, t -> {
            Map<Long, Item> byId = new LinkedHashMap<>();
            nearestSet(type).ifPresent(set -> SetItems.entries(set).forEach(e -> byId.putIfAbsent(e.item().id(),
                    e.item())));
            return byId;
        });
    }

    /**
     * Breadth first from the exported run: a run's own outputs (for the exported run, its other outputs), then the
     * sets its inputs are bound to, then the runs those come from. A bound input set is preferred to the other
     * outputs of the run that made it (the dose-weighted micrographs a picking run read, not the plain ones).
     */
    private Optional<StreamingSet<?>> nearestSet(Class<? extends Item> type) {
        Deque<Long> queue = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        queue.add(runId);
        while (!queue.isEmpty()) {
            long id = queue.poll();
            if (!seen.add(id)) {
                continue;
            }
            Optional<RunInfo> run = project.run(id);
            if (run.isEmpty()) {
                continue;
            }
            for (OutputInfo out : run.get().outputs()) {
                if (!out.name().equals(exported) && type.equals(Items.typeNamed(out.itemType()))) {
                    Optional<StreamingSet<?>> set = project.set(out.name());
                    if (set.isPresent()) {
                        return set;
                    }
                }
            }
            for (String input : run.get().inputs().values()) {
                Optional<StreamingSet<?>> set = project.set(input);
                if (set.isPresent() && set.get().itemType().equals(type)) {
                    return set;
                }
                int dot = input.indexOf('.');
                if (dot > 0) {
                    try {
                        queue.add(Long.parseLong(input.substring(0, dot).trim()));
                    } catch (NumberFormatException e) {
                        // NB: not a run pointer; nothing to follow
                    }
                }
            }
        }
        return Optional.empty();
    }
}
