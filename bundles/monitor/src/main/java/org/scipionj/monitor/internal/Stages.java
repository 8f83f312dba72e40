package org.scipionj.monitor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.protocol.MonitorContext.Sample;

/**
 * Rates, backlogs and the keep-up forecast of the watched runs, from the run snapshots and the {@code runs} series
 * (one sample per refresh: {@code done.ID}, {@code failed.ID}, {@code backlog.ID}). Pure functions; thread-safe.
 *
 * <p>A stage's backlog is the size of its streamed (first) input minus what it has processed (done + failed). Its
 * rate is items/min over the last {@link #WINDOW_MS}; the trend compares it with the window before. The
 * acquisition rate is the rate of the source runs (runs without inputs, e.g. the import). After acquisition stops,
 * a stage still has its own backlog plus everything queued upstream of it; it finishes at the latest of its
 * upstream stage's finish and {@code pending / rate}.
 */
final class Stages {

    /** The rate window: 5 minutes. */
    static final long WINDOW_MS = 5 * 60_000;

    private Stages() {
    }

    /**
     * One watched run now.
     *
     * @param behind whether it falls behind acquisition (rate below factor x acquisition rate, backlog growing)
     * @param drainMinutes minutes it needs after acquisition stops to process everything queued for it (NaN: never,
     *        it processes nothing; 0 for sources)
     */
    record Stage(long id, String label, String className, String protocolId, String status, long done, long failed,
                 long inputSize, long backlog, double ratePerMin, double previousRatePerMin, boolean source,
                 long upstream, double pending, double drainMinutes, boolean behind, Map<String, Long> outputs) {

        String trend() {
            if (Double.isNaN(ratePerMin) || Double.isNaN(previousRatePerMin)) {
                return "";
            }
            double d = ratePerMin - previousRatePerMin;
            return Math.abs(d) <= 0.1 * Math.max(ratePerMin, previousRatePerMin) ? "steady" : d > 0 ? "up" : "down";
        }
    }

    /** The values recorded in the {@code runs} series for one refresh. */
    static Map<String, Double> sample(List<RunInfo> runs, List<Long> watched) {
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, Long> sizes = sizes(runs);
        for (RunInfo r : runs) {
            if (watched.contains(r.id())) {
                v.put("done." + r.id(), (double) r.done());
                v.put("failed." + r.id(), (double) r.failed());
                v.put("backlog." + r.id(), (double) backlog(r, sizes));
            }
        }
        return v;
    }

    /** The stages, in the order of {@code watched}, with rates from {@code history} (oldest first). */
    static List<Stage> of(List<RunInfo> runs, List<Long> watched, List<Sample> history, long now, double behindFactor) {
        Map<String, Long> sizes = sizes(runs);
        Map<Long, RunInfo> byId = new HashMap<>();
        runs.forEach(r -> byId.put(r.id(), r));
        Map<Long, double[]> rates = new HashMap<>();
        double acquisition = 0;
        boolean anySource = false;
        for (long id : watched) {
            RunInfo r = byId.get(id);
            if (r == null) {
                continue;
            }
            double[] rr = {rate(history, "done." + id, r.done(), now, 0),
                    rate(history, "done." + id, Double.NaN, now, 1)};
            rates.put(id, rr);
            if (r.inputs().isEmpty()) {
                anySource = true;
                acquisition += Double.isNaN(rr[0]) ? 0 : rr[0];
            }
        }
        Map<Long, Stage> done = new LinkedHashMap<>();
        for (long id : watched) {
            stage(id, byId, sizes, rates, history, now, anySource ? acquisition : Double.NaN, behindFactor, watched,
                    done);
        }
        List<Stage> list = new ArrayList<>();
        for (long id : watched) {
            if (done.containsKey(id)) {
                list.add(done.get(id));
            }
        }
        return list;
    }

    /** The acquisition rate (items/min of the source runs among {@code stages}), NaN without a source. */
    static double acquisitionRate(List<Stage> stages) {
        double sum = 0;
        boolean any = false;
        for (Stage s : stages) {
            if (s.source()) {
                any = true;
                sum += Double.isNaN(s.ratePerMin()) ? 0 : s.ratePerMin();
            }
        }
        return any ? sum : Double.NaN;
    }

    private static Stage stage(long id, Map<Long, RunInfo> byId, Map<String, Long> sizes, Map<Long, double[]> rates,
                               List<Sample> history, long now, double acquisition, double behindFactor,
                               List<Long> watched, Map<Long, Stage> memo) {
        if (memo.containsKey(id)) {
            return memo.get(id);
        }
        RunInfo r = byId.get(id);
        if (r == null) {
            return null;
        }
        memo.put(id, null); // NB: guards against cycles in broken workflows
        boolean source = r.inputs().isEmpty();
        long upstream = -1;
        long inputSize = 0;
        if (!source) {
            String first = r.inputs().values().iterator().next();
            inputSize = sizes.getOrDefault(first, 0L);
            try {
                upstream = Long.parseLong(first.substring(0, first.indexOf('.')));
            } catch (RuntimeException e) {
                upstream = -1;
            }
        }
        long backlog = backlog(r, sizes);
        double[] rr = rates.getOrDefault(id, new double[] {Double.NaN, Double.NaN});
        Stage up = upstream > 0 && watched.contains(upstream)
                ? stage(upstream, byId, sizes, rates, history, now, acquisition, behindFactor, watched, memo) : null;
        double pending = source ? 0 : backlog + (up == null ? 0 : up.pending());
        double drain;
        if (source || pending == 0) {
            drain = source ? 0 : (up == null ? 0 : up.drainMinutes());
        } else if (Double.isNaN(rr[0]) || rr[0] <= 0) {
            drain = r.status().isEnded() ? 0 : Double.NaN;
        } else {
            drain = Math.max(pending / rr[0], up == null ? 0 : up.drainMinutes());
        }
        boolean growing = backlogGrowth(history, "backlog." + id, backlog, now) > 0;
        boolean behind = !source && !r.status().isEnded() && !Double.isNaN(acquisition) && acquisition > 0
                && backlog > 2 && growing && (Double.isNaN(rr[0]) || rr[0] < behindFactor * acquisition);
        Map<String, Long> outputs = new LinkedHashMap<>();
        for (OutputInfo o : r.outputs()) {
            outputs.put(o.name().substring(o.name().indexOf('.') + 1), o.size());
        }
        Stage s = new Stage(id, r.label(), r.className(), r.protocolId(), r.status().label(), r.done(), r.failed(),
                inputSize, backlog, rr[0], rr[1], source, upstream, pending, drain, behind, outputs);
        memo.put(id, s);
        return s;
    }

    private static Map<String, Long> sizes(List<RunInfo> runs) {
        Map<String, Long> sizes = new HashMap<>();
        for (RunInfo r : runs) {
            for (OutputInfo o : r.outputs()) {
                sizes.put(o.name(), o.size());
            }
        }
        return sizes;
    }

    private static long backlog(RunInfo r, Map<String, Long> sizes) {
        if (r.inputs().isEmpty()) {
            return 0;
        }
        long in = sizes.getOrDefault(r.inputs().values().iterator().next(), 0L);
        return Math.max(0, in - r.done() - r.failed());
    }

    /**
     * Items/min of {@code key} over window {@code index} (0: the last {@link #WINDOW_MS}, 1: the one before),
     * using {@code current} as the newest value when given; NaN with fewer than two samples in the window.
     */
    static double rate(List<Sample> history, String key, double current, long now, int index) {
        long end = now - index * WINDOW_MS;
        long start = end - WINDOW_MS;
        Sample first = null;
        Sample last = null;
        for (Sample s : history) {
            if (s.timeMillis() >= start && s.timeMillis() <= end && s.values().containsKey(key)) {
                if (first == null) {
                    first = s;
                }
                last = s;
            }
        }
        if (first == null) {
            return Double.NaN;
        }
        double v1 = first.values().get(key);
        double v2 = index == 0 && !Double.isNaN(current) ? current : last.values().get(key);
        long t2 = index == 0 && !Double.isNaN(current) ? now : last.timeMillis();
        if (t2 - first.timeMillis() < 1000) {
            return Double.NaN;
        }
        return (v2 - v1) / ((t2 - first.timeMillis()) / 60_000.0);
    }

    private static double backlogGrowth(List<Sample> history, String key, long current, long now) {
        Double oldest = null;
        for (Sample s : history) {
            if (s.timeMillis() >= now - WINDOW_MS && s.values().containsKey(key)) {
                oldest = s.values().get(key);
                break;
            }
        }
        return oldest == null ? 0 : current - oldest;
    }
}
