package org.scipionj.monitor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.protocol.MonitorContext.Sample;

/**
 * The keep-up forecast: acquisition rate against each stage's throughput, its backlog, and when each stage would
 * finish if acquisition stopped now ({@code drainMinutes}; the expected finish time is now plus that once
 * acquisition has stopped). A stage keeps up when its rate is at least the acquisition rate or its backlog is small.
 */
final class Forecasts {

    private Forecasts() {
    }

    static Map<String, Object> of(List<Stages.Stage> stages, List<Sample> history, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        double acq = Stages.acquisitionRate(stages);
        boolean acquiring = stages.stream().anyMatch(s -> s.source() && !ended(s));
        m.put("acquisitionRatePerMin", Double.isNaN(acq) ? null : round(acq));
        m.put("acquiring", acquiring);
        List<Map<String, Object>> list = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Stages.Stage s : stages) {
            if (s.source()) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("run", s.id());
            f.put("label", s.label());
            f.put("ratePerMin", Double.isNaN(s.ratePerMin()) ? null : round(s.ratePerMin()));
            f.put("backlog", s.backlog());
            f.put("pending", (long) s.pending());
            boolean keepsUp = !s.behind();
            f.put("keepsUp", keepsUp);
            if (ended(s)) {
                f.put("finished", s.status());
                f.put("drainMinutes", 0.0);
            } else if (Double.isNaN(s.drainMinutes())) {
                f.put("drainMinutes", null);
                f.put("expectedFinish", null);
                if (s.pending() > 0) {
                    warnings.add(s.label() + " (run " + s.id() + ") has " + (long) s.pending()
                            + " items queued and processes none: it would never finish");
                }
            } else {
                f.put("drainMinutes", round(s.drainMinutes()));
                f.put("expectedFinish", now + (long) (s.drainMinutes() * 60_000));
                f.put("expectedFinishAfterAcquisition", acquiring);
            }
            if (s.behind()) {
                warnings.add(String.format("%s (run %d) falls behind acquisition: %.1f items/min against %.1f/min,"
                        + " %d waiting", s.label(), s.id(), Double.isNaN(s.ratePerMin()) ? 0 : s.ratePerMin(),
                        acq, s.backlog()));
            }
            list.add(f);
        }
        m.put("stages", list);
        m.put("warnings", warnings);
        return m;
    }

    private static boolean ended(Stages.Stage s) {
        return s.status().equals("finished") || s.status().equals("failed") || s.status().equals("aborted");
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
