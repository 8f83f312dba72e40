package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.protocol.Monitor;
import org.scipionj.api.protocol.MonitorContext;
import org.scipionj.api.protocol.MonitorContext.Sample;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

/**
 * One monitor run: each sample reads what is new in the watched runs and the machine, records it in persisted
 * series, raises alerts (once per incident), rewrites the report in {@code extra/report} and runs
 * {@code publishCmd}. It ends, after a final refresh, when every watched run has ended or after
 * {@code monitorTime} minutes (counted from the first sample ever recorded, so a restart does not reset it).
 */
final class MonitorRun implements Monitor {

    static final String CURATION_ID = "monitor.curate";
    private final RunContext run;
    private final Parameters p;
    private final EnumSet<Section> sections;
    private final List<Notifier> notifiers;
    private final SetFollower ctf = new SetFollower("ctf");
    private final SetFollower drift = new SetFollower("drift");
    private final SetFollower gain = new SetFollower("gain");
    private final SetFollower rejections = new SetFollower("rejected");
    private final SystemProbe system;
    private final AlertBook alerts;
    private final Report report;
    private final Publisher publisher;
    private int samples;
    private final Map<Long, String> micrographSet = new java.util.HashMap<>();

    MonitorRun(RunContext run, EnumSet<Section> sections, List<Notifier> notifiers) {
        this(run, sections, notifiers, new SystemProbe(Path.of("/proc"), SystemProbe::exec,
                bool(run.parameters(), "doDiskIO"), bool(run.parameters(), "doNetwork"),
                run.parameters().string("netInterfaces"),
                bool(run.parameters(), "doGpu") ? SystemProbe.gpuIds(run.parameters().string("gpusToUse")) : null));
    }

    MonitorRun(RunContext run, EnumSet<Section> sections, List<Notifier> notifiers, SystemProbe system) {
        this.run = run;
        this.p = run.parameters();
        this.sections = sections;
        this.notifiers = notifiers;
        this.system = system;
        this.alerts = new AlertBook(run.outputDir().resolve("alerts.json"));
        this.report = new Report(run.outputDir().resolve("report"));
        this.publisher = new Publisher(p.has("publishCmd") ? p.string("publishCmd") : "", run.log());
    }

    static List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>(Notifiers.problems(p));
        if (p.has("samplingInterval") && p.duration("samplingInterval").isZero()) {
            problems.add("parameter 'samplingInterval': give a positive interval (e.g. 60)");
        }
        return problems;
    }

    private static boolean bool(Parameters p, String name) {
        return p.has(name) && p.bool(name);
    }

    private double decimal(String name, double fallback) {
        return p.decimal(name, fallback);
    }

    @Override
    public Poll sample(MonitorContext ctx) throws Exception {
        long now = System.currentTimeMillis();
        List<Long> watched = watched();
        List<RunInfo> runs = ctx.runs();
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> holding = new LinkedHashMap<>();

        ctx.record("runs", Stages.sample(runs, watched));
        List<Sample> history = ctx.series("runs");
        long started = history.isEmpty() ? now : history.get(0).timeMillis();
        boolean allEnded = !watched.isEmpty();
        for (RunInfo r : runs) {
            if (watched.contains(r.id()) && !r.status().isEnded()) {
                allEnded = false;
            }
        }
        double monitorMinutes = decimal("monitorTime", 30000);
        boolean timeUp = monitorMinutes > 0 && now - started >= monitorMinutes * 60_000;
        boolean last = allEnded || timeUp || run.isStopRequested();

        model.put("project", projectInfo(ctx, started, now, last, allEnded, timeUp));
        model.put("acquisition", acquisition(ctx, runs, watched));
        List<Stages.Stage> stages = Stages.of(runs, watched, history, now, decimal("behindFactor", 0.9));
        if (sections.contains(Section.RUNS)) {
            model.put("runs", stages);
            model.put("forecast", Forecasts.of(stages, history, now));
            stageAlerts(stages, history, now, holding);
            model.put("curation", curation(ctx, runs, watched));
        }
        List<String> plots = new ArrayList<>();
        StringBuilder took = new StringBuilder();
        long t0 = System.nanoTime();
        if (sections.contains(Section.CTF)) {
            model.put("ctf", ctf(ctx, runs, watched, holding));
            took.append(" ctf ").append((System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.DRIFT) || sections.contains(Section.MICROGRAPHS)) {
            t0 = System.nanoTime();
            model.put("drift", drift(ctx, runs, watched));
            took.append(" drift ").append((System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.GAIN)) {
            t0 = System.nanoTime();
            model.put("gain", gain(ctx, runs, watched, holding, last));
            took.append(" gain ").append((System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.SYSTEM)) {
            t0 = System.nanoTime();
            model.put("system", system(ctx, now, holding));
            took.append(" system ").append((System.nanoTime() - t0) / 1_000_000);
        }
        if (sections.contains(Section.MICROGRAPHS)) {
            t0 = System.nanoTime();
            model.put("micrographs", report.micrographs(ctx, micrographSets(ctx, runs, watched),
                    ctfSets(runs, watched)));
            took.append(" micrographs ").append((System.nanoTime() - t0) / 1_000_000);
        }
        for (Alert a : alerts.update(holding, now)) {
            run.log().warn("alert: " + a.message());
            for (Notifier n : notifiers) {
                try {
                    n.send(ctx.projectName(), a);
                    run.log().info("alert sent by " + n.name());
                } catch (IOException | RuntimeException e) {
                    run.log().warn("could not send the alert by " + n.name() + ": " + e.getMessage());
                }
            }
        }
        model.put("alerts", alerts.all());
        report.write(model, plots, last, samplingSeconds());
        long refreshed = System.currentTimeMillis();
        publisher.publish(report.dir());
        if (refreshed - now > 10_000 || samples++ == 0) {
            run.log().info("report refreshed in " + (refreshed - now) + " ms (ms:" + took + "), published in "
                    + (System.currentTimeMillis() - refreshed) + " ms");
        }
        if (last) {
            run.log().info("monitor ends: " + (allEnded ? "every watched run has ended"
                    : timeUp ? "monitorTime (" + monitorMinutes + " min) reached" : "stop requested"));
            return Poll.finished();
        }
        return Poll.again(p.has("samplingInterval") ? p.duration("samplingInterval") : Duration.ofSeconds(60));
    }

    private long samplingSeconds() {
        return p.has("samplingInterval") ? Math.max(1, p.duration("samplingInterval").toSeconds()) : 60;
    }

    List<Long> watched() {
        LinkedHashSet<Long> ids = new LinkedHashSet<>(p.runs("inputProtocols"));
        if (p.has("inputProtocol")) {
            ids.addAll(p.runs("inputProtocol"));
        }
        return List.copyOf(ids);
    }

    private Map<String, Object> projectInfo(MonitorContext ctx, long started, long now, boolean last,
                                            boolean allEnded, boolean timeUp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ctx.projectName());
        m.put("folder", ctx.projectDir().toString());
        m.put("monitorRun", run.runId());
        m.put("started", started);
        m.put("updated", now);
        m.put("finished", last);
        m.put("finishedBecause", !last ? null : allEnded ? "every watched run has ended"
                : timeUp ? "monitorTime reached" : "stopped");
        return m;
    }

    private Map<String, Object> acquisition(MonitorContext ctx, List<RunInfo> runs, List<Long> watched) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String set : sets(runs, watched, "Movie")) {
            Optional<StreamingSet<?>> s = ctx.set(set);
            if (s.isEmpty()) {
                continue;
            }
            List<? extends Entry<?>> first = s.get().read(0, 1);
            if (!first.isEmpty() && first.get(0).item() instanceof Movie mv) {
                m.put("movies", s.get().size());
                m.put("samplingRate_Apx", mv.samplingRate_Apx());
                m.put("dosePerFrame_ePerA2", mv.dosePerFrame_ePerA2());
                m.put("frames", mv.frames());
                m.put("size_px", mv.width_px() + " x " + mv.height_px());
                m.put("voltage_kV", mv.acquisition().voltage_kV());
                m.put("sphericalAberration_mm", mv.acquisition().sphericalAberration_mm());
                m.put("amplitudeContrast", mv.acquisition().amplitudeContrast());
                m.put("gainFile", mv.gainFile());
                long setRun = Long.parseLong(set.substring(0, set.indexOf('.')));
                runs.stream().filter(r -> r.id() == setRun).findFirst().ifPresent(r -> {
                    m.put("filesPath", r.params().get("filesPath"));
                    m.put("filesPattern", r.params().get("filesPattern"));
                });
                break;
            }
        }
        return m;
    }

    /**
     * Output sets of the watched runs holding {@code itemType} items; for movies only those of source runs (the
     * import), not the aligned movies that motion correction also outputs.
     */
    static List<String> sets(List<RunInfo> runs, List<Long> watched, String itemType) {
        List<String> sets = new ArrayList<>();
        for (RunInfo r : runs) {
            if (watched.contains(r.id()) && !CURATION_ID.equals(r.protocolId())
                    && (!itemType.equals("Movie") || r.inputs().isEmpty())) {
                for (OutputInfo o : r.outputs()) {
                    if (o.itemType().equals(itemType)) {
                        sets.add(o.name());
                    }
                }
            }
        }
        return sets;
    }

    private List<String> ctfSets(List<RunInfo> runs, List<Long> watched) {
        return sets(runs, watched, "CtfModel");
    }

    /**
     * One micrograph set per motion-correction run (a run whose input holds movies): motioncorr writes the same
     * micrographs twice (dose-weighted and not), so the first non-empty one in declared order is taken, and kept
     * once chosen (also after a restart, through its series).
     */
    private List<String> micrographSets(MonitorContext ctx, List<RunInfo> runs, List<Long> watched) {
        Map<String, String> types = new LinkedHashMap<>();
        runs.forEach(r -> r.outputs().forEach(o -> types.put(o.name(), o.itemType())));
        List<String> sets = new ArrayList<>();
        for (RunInfo r : runs) {
            if (!watched.contains(r.id()) || r.inputs().isEmpty()
                    || !"Movie".equals(types.get(r.inputs().values().iterator().next()))) {
                continue;
            }
            String chosen = micrographSet.get(r.id());
            if (chosen == null) {
                List<OutputInfo> mics = r.outputs().stream().filter(o -> o.itemType().equals("Micrograph")).toList();
                for (OutputInfo o : mics) {
                    if (!ctx.series("drift@" + o.name()).isEmpty()) {
                        chosen = o.name();
                    }
                }
                if (chosen == null) {
                    chosen = mics.stream().filter(o -> o.size() > 0).map(OutputInfo::name).findFirst().orElse(null);
                }
                if (chosen != null) {
                    micrographSet.put(r.id(), chosen);
                }
            }
            if (chosen != null) {
                sets.add(chosen);
            }
        }
        return sets;
    }

    private Map<String, Object> ctf(MonitorContext ctx, List<RunInfo> runs, List<Long> watched,
                                    Map<String, String> holding) throws IOException {
        SetFollower.Point latest = null;
        for (String set : ctfSets(runs, watched)) {
            List<SetFollower.Point> fresh = ctf.follow(ctx, set, MonitorRun::ctfValues, 100_000, 1);
            if (!fresh.isEmpty()) {
                latest = fresh.get(fresh.size() - 1);
            }
        }
        if (latest != null) {
            ctfAlerts(latest, holding);
        } else {
            carry(holding, "ctf.");
        }
        return report.ctf(ctf.all());
    }

    static Map<String, Double> ctfValues(Item item) {
        if (!(item instanceof CtfModel c)) {
            return null;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("defocusU", c.defocusU_A());
        v.put("defocusV", c.defocusV_A());
        v.put("astigmatism", c.astigmatism_A());
        v.put("resolution", c.resolution_A());
        v.put("fitQuality", c.fitQuality());
        v.put("angle", c.defocusAngle_deg());
        return v;
    }

    /** The astigmatism threshold in Å for a mean defocus (values below 1 are a fraction of the defocus). */
    static double astigmatismLimit(double param, double meanDefocus) {
        return param < 1 ? param * meanDefocus : param;
    }

    private void ctfAlerts(SetFollower.Point c, Map<String, String> holding) {
        double maxDef = decimal("maxDefocus", 40000);
        double minDef = decimal("minDefocus", 1000);
        double u = c.get("defocusU");
        double v = c.get("defocusV");
        if (Math.max(u, v) > maxDef) {
            holding.put("ctf.defocus.high", String.format("defocus %.0f Å of micrograph %d is above maxDefocus %.0f Å",
                    Math.max(u, v), c.id(), maxDef));
        }
        if (Math.min(u, v) < minDef) {
            holding.put("ctf.defocus.low", String.format("defocus %.0f Å of micrograph %d is below minDefocus %.0f Å",
                    Math.min(u, v), c.id(), minDef));
        }
        double limit = astigmatismLimit(decimal("astigmatism", 1000), (u + v) / 2);
        if (c.get("astigmatism") > limit) {
            holding.put("ctf.astigmatism", String.format("astigmatism %.0f Å of micrograph %d is above %.0f Å",
                    c.get("astigmatism"), c.id(), limit));
        }
    }

    /** Keeps the open incidents whose key starts with {@code prefix} when nothing new was seen to judge them. */
    private void carry(Map<String, String> holding, String prefix) {
        for (Alert a : alerts.all()) {
            if (a.open() && a.key().startsWith(prefix)) {
                holding.put(a.key(), a.message());
            }
        }
    }

    private Map<String, Object> drift(MonitorContext ctx, List<RunInfo> runs, List<Long> watched) throws IOException {
        for (String set : micrographSets(ctx, runs, watched)) {
            drift.follow(ctx, set, item -> {
                if (!(item instanceof Micrograph m)) {
                    return null;
                }
                Drift d = Drift.of(m, Drift.EARLY_FRAMES);
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("total", d.total_A());
                v.put("early", d.early_A());
                v.put("maxFrame", d.maxFrame_A());
                return v;
            }, 100_000, 1);
        }
        return report.drift(drift.all());
    }

    /** Analyses up to 2 new movies per refresh (one in {@code movieStep}), and all that are left at the last. */
    private Map<String, Object> gain(MonitorContext ctx, List<RunInfo> runs, List<Long> watched,
                                     Map<String, String> holding, boolean last) throws IOException {
        int step = (int) Math.max(1, p.has("movieStep") ? p.integer("movieStep") : 5);
        SetFollower.Point latest = null;
        for (String set : sets(runs, watched, "Movie")) {
            List<SetFollower.Point> fresh = gain.follow(ctx, set, item -> {
                if (!(item instanceof Movie m)) {
                    return null;
                }
                try {
                    ResidualGain g = ResidualGain.of(Path.of(m.file()), m.gainFile() == null ? null
                            : Path.of(m.gainFile()));
                    return Map.of("std", g.std(), "ratio1", g.ratio1(), "ratio2", g.ratio2());
                } catch (IOException | RuntimeException e) {
                    run.log().warn("residual gain of movie " + m.id() + " (" + m.file() + "): " + e.getMessage());
                    return Map.of();
                }
            }, last ? Integer.MAX_VALUE : 2, step);
            for (SetFollower.Point pt : fresh) {
                if (!pt.values().isEmpty()) {
                    latest = pt;
                }
            }
        }
        if (latest != null) {
            double std = decimal("stddevValue", 0.04);
            double r1 = decimal("ratio1Value", 1.15);
            double r2 = decimal("ratio2Value", 4.5);
            if (latest.get("std") > std) {
                holding.put("gain.std", String.format("residual gain std %.3f of movie %d is above %.3f",
                        latest.get("std"), latest.id(), std));
            }
            if (latest.get("ratio1") > r1) {
                holding.put("gain.ratio1", String.format("residual gain 97.5/2.5 percentile ratio %.2f of movie %d"
                        + " is above %.2f", latest.get("ratio1"), latest.id(), r1));
            }
            if (latest.get("ratio2") > r2) {
                holding.put("gain.ratio2", String.format("residual gain max/min ratio %.2f of movie %d is above %.2f",
                        latest.get("ratio2"), latest.id(), r2));
            }
        } else {
            carry(holding, "gain.");
        }
        return report.gain(gain.all());
    }

    private Map<String, Object> system(MonitorContext ctx, long now, Map<String, String> holding) throws IOException {
        Map<String, Double> v = system.sample(now);
        if (!v.isEmpty()) {
            ctx.record("system", v);
        }
        for (String[] t : new String[][] {{"cpu", "cpuAlert", "CPU"}, {"mem", "memAlert", "memory"},
                {"swap", "swapAlert", "swap"}}) {
            Double value = v.get(t[0]);
            double limit = decimal(t[1], 101);
            if (value != null && value > limit) {
                holding.put("system." + t[0], String.format("%s use %.0f %% is above %s %.0f %%", t[2], value, t[1],
                        limit));
            }
        }
        Map<String, Object> m = report.system(ctx.series("system"));
        if (system.gpuProblem() != null) {
            m.put("gpuProblem", system.gpuProblem());
        }
        return m;
    }

    private void stageAlerts(List<Stages.Stage> stages, List<Sample> history, long now, Map<String, String> holding) {
        double acq = Stages.acquisitionRate(stages);
        for (Stages.Stage s : stages) {
            if (s.behind()) {
                holding.put("stage." + s.id() + ".behind", String.format("%s (run %d) falls behind: %.1f items/min"
                        + " against acquisition %.1f/min, backlog %d and growing", s.label(), s.id(),
                        Double.isNaN(s.ratePerMin()) ? 0 : s.ratePerMin(), acq, s.backlog()));
            }
        }
        Duration quiet = p.has("noMovieAlert") ? p.duration("noMovieAlert") : Duration.ZERO;
        if (quiet.isZero()) {
            return;
        }
        for (Stages.Stage s : stages) {
            if (!s.source() || s.status().equals("finished") || s.status().equals("failed")
                    || s.status().equals("aborted")) {
                continue;
            }
            long lastChange = history.isEmpty() ? now : history.get(0).timeMillis();
            Double prev = null;
            for (Sample h : history) {
                Double d = h.values().get("done." + s.id());
                if (d != null && (prev == null || !d.equals(prev))) {
                    lastChange = h.timeMillis();
                }
                prev = d;
            }
            if (now - lastChange >= quiet.toMillis()) {
                holding.put("acquisition." + s.id() + ".quiet", String.format("no new movie in %s for %d min"
                        + " (%d imported so far)", s.label(), (now - lastChange) / 60_000, s.done()));
            }
        }
    }

    private List<Map<String, Object>> curation(MonitorContext ctx, List<RunInfo> runs, List<Long> watched) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RunInfo r : runs) {
            if (!watched.contains(r.id()) || !CURATION_ID.equals(r.protocolId())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", r.id());
            m.put("label", r.label());
            long accepted = 0;
            long rejected = 0;
            for (OutputInfo o : r.outputs()) {
                if (o.name().endsWith(".outputMicrographs")) {
                    accepted = o.size();
                } else if (o.name().endsWith(".outputMicrographsRejected")) {
                    rejected = o.size();
                    rejections.follow(ctx, o.name(), item -> {
                        Map<String, Double> v = new LinkedHashMap<>();
                        if (item.attributes().get(Curation.CODES) instanceof List<?> codes) {
                            codes.forEach(c -> v.put(String.valueOf(c), 1.0));
                        }
                        return v;
                    }, 100_000, 1);
                }
            }
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (SetFollower.Point pt : rejections.points().getOrDefault(r.id() + ".outputMicrographsRejected",
                    List.of())) {
                pt.values().keySet().forEach(k -> reasons.merge(k, 1, Integer::sum));
            }
            m.put("accepted", accepted);
            m.put("rejected", rejected);
            m.put("acceptedPercent", accepted + rejected == 0 ? null : 100.0 * accepted / (accepted + rejected));
            m.put("reasons", reasons);
            list.add(m);
        }
        return list;
    }
}
