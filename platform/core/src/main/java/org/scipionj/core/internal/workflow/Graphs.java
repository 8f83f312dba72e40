package org.scipionj.core.internal.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.scipionj.api.project.ScipionException;

/** Run dependency helpers: which runs a run reads from, and a start order. */
public final class Graphs {

    private Graphs() {
    }

    /** Ids of the runs a run depends on: the runs its inputs point to and its prerequisites. */
    public static Set<Long> upstream(Map<String, String> inputs, Map<String, Object> engine) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String pointer : inputs.values()) {
            int dot = pointer.indexOf('.');
            ids.add(Long.parseLong((dot < 0 ? pointer : pointer.substring(0, dot)).trim()));
        }
        if (engine.get("_prerequisites") instanceof List<?> list) {
            list.forEach(o -> ids.add(Long.parseLong(String.valueOf(o).trim())));
        }
        return ids;
    }

    /** The ids in an order where each run comes after the runs it depends on; fails naming a cycle. */
    public static List<Long> topological(Collection<Long> ids, Function<Long, Set<Long>> upstream) {
        List<Long> order = new ArrayList<>();
        Set<Long> visiting = new LinkedHashSet<>();
        for (Long id : ids) {
            visit(id, ids, upstream, visiting, order);
        }
        return order;
    }

    private static void visit(Long id, Collection<Long> ids, Function<Long, Set<Long>> upstream, Set<Long> visiting,
                              List<Long> order) {
        if (order.contains(id) || !ids.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new ScipionException("the workflow's runs depend on each other in a cycle: " + visiting
                    + "; an input must point to an earlier step");
        }
        for (Long up : upstream.apply(id)) {
            visit(up, ids, upstream, visiting, order);
        }
        visiting.remove(id);
        order.add(id);
    }
}
