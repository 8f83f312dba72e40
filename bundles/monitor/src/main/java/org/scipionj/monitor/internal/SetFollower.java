package org.scipionj.monitor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.MonitorContext;
import org.scipionj.api.protocol.MonitorContext.Sample;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

/**
 * Follows output sets with a cursor and keeps one persisted point per item: the values an extractor takes from the
 * item, recorded in the series {@code KIND@SET} with the item's position ({@code seq}) and {@code id}. After a
 * restart the points come back from the series and reading goes on after the last recorded position, so the
 * history survives and nothing is counted twice. Used from the monitor's thread only.
 */
final class SetFollower {

    /** One item's values. */
    record Point(long timeMillis, long seq, long id, Map<String, Double> values) {
        double get(String key) {
            Double v = values.get(key);
            return v == null ? Double.NaN : v;
        }
    }

    private final String kind;
    private final Map<String, List<Point>> points = new LinkedHashMap<>();
    private final Map<String, Long> cursors = new HashMap<>();

    SetFollower(String kind) {
        this.kind = kind;
    }

    /**
     * Reads up to {@code max} new items of {@code setName} (every {@code step}-th one is kept; the others are only
     * skipped) and returns the new points.
     */
    List<Point> follow(MonitorContext ctx, String setName, Function<Item, Map<String, Double>> extractor, int max,
                       int step) {
        String series = kind + "@" + setName;
        List<Point> list = points.computeIfAbsent(setName, n -> load(ctx, series));
        long cursor = cursors.getOrDefault(setName, 0L);
        Optional<StreamingSet<?>> set = ctx.set(setName);
        List<Point> fresh = new ArrayList<>();
        if (set.isEmpty()) {
            return fresh;
        }
        int taken = 0;
        while (taken < max) {
            List<? extends Entry<?>> batch = set.get().read(cursor, Math.min(500, max));
            if (batch.isEmpty()) {
                break;
            }
            for (Entry<?> e : batch) {
                if (taken >= max) {
                    break;
                }
                cursor = e.seq();
                if (step > 1 && (e.seq() - 1) % step != 0) {
                    continue;
                }
                Map<String, Double> v = extractor.apply(e.item());
                taken++;
                if (v == null) {
                    v = Map.of();
                }
                Map<String, Double> rec = new LinkedHashMap<>();
                v.forEach((k, d) -> {
                    if (d != null && !d.isNaN() && !d.isInfinite()) {
                        rec.put(k, d); // NB: unknown values are left out, as when reloaded
                    }
                });
                v = Map.copyOf(rec);
                rec.put("seq", (double) e.seq());
                rec.put("id", (double) e.item().id());
                ctx.record(series, rec);
                Point p = new Point(System.currentTimeMillis(), e.seq(), e.item().id(), v);
                list.add(p);
                fresh.add(p);
            }
        }
        cursors.put(setName, cursor);
        return fresh;
    }

    /** Every point of every followed set, in reading order per set. */
    Map<String, List<Point>> points() {
        return points;
    }

    /** All points of all sets. */
    List<Point> all() {
        List<Point> all = new ArrayList<>();
        points.values().forEach(all::addAll);
        return all;
    }

    private List<Point> load(MonitorContext ctx, String series) {
        List<Point> list = new ArrayList<>();
        long cursor = 0;
        for (Sample s : ctx.series(series)) {
            Map<String, Double> v = new LinkedHashMap<>(s.values());
            Double seq = v.remove("seq");
            Double id = v.remove("id");
            if (seq == null || id == null) {
                continue;
            }
            list.add(new Point(s.timeMillis(), seq.longValue(), id.longValue(), v));
            cursor = Math.max(cursor, seq.longValue());
        }
        cursors.put(series.substring(series.indexOf('@') + 1), cursor);
        return list;
    }
}
