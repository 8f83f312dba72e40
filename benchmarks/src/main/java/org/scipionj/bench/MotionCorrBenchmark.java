package org.scipionj.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;
import org.scipionj.core.internal.workflow.ParamValues;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.motioncorr.internal.ProtMotionCorr;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.Acquisition;
import org.scipionj.simulator.internal.MovieSimulator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Motion correction ({@code ProtMotionCorr}, native) against the simulator's ground truth, through the protocol's
 * own per-item path (read the movie with its gain and defects, align, write every output), default parameters
 * unless said:
 * <ol>
 * <li>global accuracy on {@code small} movies (1024² x 24, 1 Å/px) at 1.2 e/Å²/frame, gain on, drift 10 px, local
 * motion 1.5 px: RMS error of the per-frame global shifts after removing a constant offset (goal ≤ 0.1 px), and
 * the lowest error any estimator can expect on that movie ({@link InformationBound}, from its noise-free frame 0 and
 * its true drift);</li>
 * <li>local against global against no alignment: RMS error of the displacement field on a 16 x 16 grid over every
 * frame (offset removed) and correlation with the noise-free micrograph in the 3–8 Å band (central region), for
 * patches 5 x 5, patches 0 x 0 and {@code -Align 0}, on small movies with 1.5 and 4 px local motion;</li>
 * <li>time per {@code falcon4} movie (4096² x 40, 0.83 Å/px, 1 e/Å²/frame, int16, gain on) with global + 5 x 5 patch
 * alignment and dose weighting on {@code threads} threads (goal ≤ 15 s): one movie, simulated once (about a minute)
 * and kept, processed once to warm the JIT up and then {@code speed} times; wall clock, process CPU time, peak Java
 * heap and peak resident memory (which includes the memory-mapped movie; reset before each run where Linux allows),
 * and where the time goes (wall time per step, from the item log: reading with gain correction, binning and FFTs of
 * pass 1, global alignment, patch sums and alignment, the local fit, pass 2 reading, warping and accumulation, sum
 * FFTs with dose weighting and binning, writing). With {@code local > 0} the same movie also gives the figures of 2
 * at falcon4 size.</li>
 * </ol>
 * Run with {@code ./scipion bench motioncorr [accuracy=3] [local=1] [speed=3] [threads=2] [seed=1] [data=DIR]
 * [keep=true]}; simulated movies are kept in {@code data} (by default {@code scipionj-motioncorr-bench} in the
 * temporary folder) and reused by the next run; {@code keep=false} deletes them at the end. Not a test: it asserts
 * nothing and prints figures.
 */
public final class MotionCorrBenchmark {

    private MotionCorrBenchmark() {
    }

    static void run(Map<String, String> options) throws Exception {
        int accuracy = Integer.parseInt(options.getOrDefault("accuracy", "3"));
        int local = Integer.parseInt(options.getOrDefault("local", "1"));
        int speed = Integer.parseInt(options.getOrDefault("speed", "3"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        boolean keepData = Boolean.parseBoolean(options.getOrDefault("keep", "true"));
        Path data = Path.of(options.getOrDefault("data", Path.of(System.getProperty("java.io.tmpdir"),
                "scipionj-motioncorr-bench").toString()));
        Files.createDirectories(data);
        Path work = Files.createTempDirectory("scipionj-motioncorr-runs");
        System.setProperty("java.awt.headless", "true");
        Fft.setThreads(threads);
        System.out.printf(Locale.ROOT, "Scipion-J motion correction benchmark (ProtMotionCorr, native), Java %s, %d cores,"
                + " %d threads, max heap %d MB, load average %.1f; movies in %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), threads, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), data);
        try {
            if (accuracy > 0) {
                System.out.printf("%n1. Global shifts: %d small movies (1024x1024x24, 1.0 A/px), 1.2 e/A2/frame, gain on,"
                        + " drift 10 px, local motion 1.5 px%n", accuracy);
                List<Double> errors = new ArrayList<>();
                List<Double> bounds = new ArrayList<>();
                for (int i = 0; i < accuracy; i++) {
                    Sim s = Sim.make(small(seed + i, 1.5), data.resolve("small-" + (seed + i)), true);
                    Run r = process(s, work, Map.of("patchX", 0, "patchY", 0), threads);
                    double e = s.globalError(r.shiftsX(), r.shiftsY());
                    InformationBound.Result b = InformationBound.of(s.ideal(), s.truth().motion().shiftX_px(),
                            s.truth().motion().shiftY_px());
                    errors.add(e);
                    bounds.add(b.rms_px());
                    System.out.printf(Locale.ROOT, "   movie %d: drift %.1f px, RMS error %.3f px (information bound"
                            + " %.3f px; per frame and axis %.3f/%.3f px, random walk %.3f px per frame and axis)%n",
                            i + 1, s.lastShift(), e, b.rms_px(), b.frameX_px(), b.frameY_px(), b.step_px());
                }
                System.out.printf(Locale.ROOT, "   RMS error: mean %.3f px, max %.3f px (goal <= 0.1 px; information"
                        + " bound: mean %.3f px)%n", errors.stream().mapToDouble(d -> d).average().orElse(0),
                        errors.stream().mapToDouble(d -> d).max().orElse(0),
                        bounds.stream().mapToDouble(d -> d).average().orElse(0));
            }
            if (local > 0) {
                System.out.printf("%n2. Local vs global vs unaligned (small movies, 1.2 e/A2/frame)%n");
                for (double motion : new double[] {1.5, 4}) {
                    for (int i = 0; i < local; i++) {
                        Sim s = Sim.make(small(seed + 100 + i, motion), data.resolve("local-" + motion + "-"
                                + (seed + i)), true);
                        compare(s, work, threads, "local motion " + motion + " px, movie " + (i + 1));
                    }
                }
            }
            if (speed > 0) {
                System.out.printf("%n3. Speed: one falcon4 movie (4096x4096x40, 0.83 A/px, 1 e/A2/frame, int16, gain on),"
                        + " global + 5x5 patches + dose weighting, %d threads: 1 warm-up run, then %d timed runs of the"
                        + " same movie (simulated once, kept in %s)%n", threads, speed, data);
                Sim movie = Sim.make(SimulationOptions.builder(Preset.FALCON4).seed(seed + 500).build(),
                        data.resolve("falcon4-" + (seed + 500)), local > 0);
                List<Run> runs = new ArrayList<>();
                Map<String, List<Double>> steps = new java.util.LinkedHashMap<>();
                for (int i = 0; i <= speed; i++) {
                    Run r = process(movie, work, Map.of(), threads);
                    System.out.printf(Locale.ROOT, "   run %d%s: %.2f s wall, %.2f s CPU, peak heap %d MB, peak RSS %d MB;"
                            + " global RMS error %.3f px%n      %s%n", i + 1, i == 0 ? " (warm-up)" : "", r.wall_s(),
                            r.cpu_s(), r.heapMb(), r.rssMb(), movie.globalError(r.shiftsX(), r.shiftsY()), r.log());
                    if (i > 0) {
                        runs.add(r);
                        r.steps().forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                    }
                }
                System.out.printf(Locale.ROOT, "   per movie (mean of %d runs): %.2f s wall (goal <= 15 s; 500 movies/h need"
                        + " 7.2 s), %.2f s CPU on %d threads, peak heap %d MB, peak RSS %d MB; load average now %.1f%n",
                        runs.size(), runs.stream().mapToDouble(Run::wall_s).average().orElse(0),
                        runs.stream().mapToDouble(Run::cpu_s).average().orElse(0), threads,
                        runs.stream().mapToLong(Run::heapMb).max().orElse(0),
                        runs.stream().mapToLong(Run::rssMb).max().orElse(0),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                StringBuilder b = new StringBuilder();
                steps.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(
                        Locale.ROOT, "%.2f s", v.stream().mapToDouble(d -> d).average().orElse(0))));
                System.out.printf("   where the wall time goes (mean): %s%n", b);
                if (local > 0) {
                    compare(movie, work, threads, "falcon4, local motion 1.5 px");
                }
            }
        } finally {
            delete(work);
            if (!keepData) {
                delete(data);
            }
        }
    }

    private static SimulationOptions small(long seed, double localMotion) {
        return SimulationOptions.builder(Preset.SMALL).seed(seed).dosePerFrame_ePerA2(1.2).localMotion_px(localMotion)
                .build();
    }

    /** Field error and 3-8 A correlation for patches 5x5, global only and no alignment. */
    private static void compare(Sim s, Path work, int threads, String label) throws Exception {
        Run loc = process(s, work, Map.of("doSaveUnweightedMic", true), threads);
        Run glo = process(s, work, Map.of("doSaveUnweightedMic", true, "patchX", 0, "patchY", 0), threads);
        Run none = process(s, work, Map.of("doSaveUnweightedMic", true, "patchX", 0, "patchY", 0, "extraParams2",
                "-Align 0"), threads);
        System.out.printf(Locale.ROOT, "   %s: field RMS error local %.3f px, global only %.3f px, unaligned %.3f px;"
                        + " 3-8 A correlation with the noise-free micrograph: local %.4f, global %.4f, unaligned %.4f"
                        + " (local model from %s)%n", label, s.fieldError(loc), s.fieldError(glo), s.fieldError(none),
                s.bandCorrelation(loc.plain()), s.bandCorrelation(glo.plain()), s.bandCorrelation(none.plain()),
                loc.localSummary());
    }

    /** One movie through the protocol. */
    private record Run(Movie movie, Path plainFile, double wall_s, double cpu_s, long heapMb, long rssMb, String log) {

        @SuppressWarnings("unchecked")
        List<Double> shiftsX() {
            return (List<Double>) movie.attributes().get("shiftsX_px");
        }

        @SuppressWarnings("unchecked")
        List<Double> shiftsY() {
            return (List<Double>) movie.attributes().get("shiftsY_px");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> local() {
            return (Map<String, Object>) movie.attributes().get("localModel");
        }

        /** Seconds per step from the item log ("name 1.23 s, ..."), the output writing included. */
        Map<String, Double> steps() {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(.+?) ([0-9.]+) s(?:, |$)")
                    .matcher(log.substring(log.indexOf("; ") + 2));
            while (m.find()) {
                out.put(m.group(1).replaceFirst("^[, ]+", ""), Double.parseDouble(m.group(2)));
            }
            return out;
        }

        String localSummary() {
            Map<String, Object> m = local();
            return m == null ? "none" : m.get("patchesUsed") + "/" + m.get("patches") + " patches, prior "
                    + m.get("prior_px") + " px";
        }

        Frame plain() throws Exception {
            return MrcFiles.readAll(plainFile).get(0);
        }

        /** Displacement of the frame-0 point (x, y) in frame t: global shift plus the local model. */
        @SuppressWarnings("unchecked")
        double[] displacement(double x, double y, int t) {
            double dx = shiftsX().get(t);
            double dy = shiftsY().get(t);
            Map<String, Object> m = local();
            if (m != null) {
                int w = ((Number) m.get("width")).intValue();
                int h = ((Number) m.get("height")).intValue();
                int n = ((Number) m.get("frames")).intValue();
                List<List<Double>> cx = (List<List<Double>>) m.get("coefficientsX_px");
                List<List<Double>> cy = (List<List<Double>>) m.get("coefficientsY_px");
                double tau = n > 1 ? t / (n - 1.0) : 0;
                double u = x / w - 0.5;
                double v = y / h - 0.5;
                double[] b = {1, u, v, u * u - 1.0 / 12, v * v - 1.0 / 12, u * v};
                double p = 1;
                for (int i = 0; i < cx.size(); i++) {
                    p *= tau;
                    for (int j = 0; j < b.length; j++) {
                        dx += cx.get(i).get(j) * p * b[j];
                        dy += cy.get(i).get(j) * p * b[j];
                    }
                }
            }
            return new double[] {dx, dy};
        }
    }

    private static Run process(Sim s, Path work, Map<String, Object> params, int threads) throws Exception {
        Path dir = Files.createTempDirectory(work, "run");
        Files.createDirectories(dir.resolve("extra"));
        ProtMotionCorr protocol = new ProtMotionCorr();
        List<String> problems = new ArrayList<>();
        Map<String, Object> all = new HashMap<>(params);
        if (s.defects() != null) {
            all.put("defectFile", s.defects().toString());
        }
        Parameters p = ParamValues.parameters(protocol.descriptor(), all, problems);
        problems.addAll(protocol.validate(p));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        RunContext run = new BenchRun(dir, p, threads, log);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        resetPeakRss();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ItemResult result;
        try (ItemProcessor processor = protocol.open(run)) {
            result = processor.process(new BenchItem(run, log), s.movie());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum() >> 20;
        if (result.kind() != ItemResult.Kind.DONE) {
            throw new IllegalStateException(s.movie().file() + " failed: " + result.reason());
        }
        Movie out = (Movie) result.outputs().get("outputMovies").get(0);
        List<Item> plain = result.outputs().get("outputMicrographs");
        Path plainFile = plain == null ? null : Path.of(((org.scipionj.api.item.Micrograph) plain.get(0)).file());
        String line = log.stream().filter(l -> l.startsWith("aligned")).findFirst().orElse(String.join("; ", log))
                + log.stream().filter(l -> l.startsWith("outputs written in")).map(l -> ", writing outputs "
                        + l.substring("outputs written in ".length())).findFirst().orElse("");
        return new Run(out, plainFile, wall, cpu, peak, peakRss(), line);
    }

    /** Resets the peak resident set (VmHWM) to the current one, where Linux allows it. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            // NB: not Linux, or not allowed: the peak is then the process's since it started
        }
    }

    /** Peak resident set of this process (VmHWM), MB; -1 where /proc is not there. */
    private static long peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (Exception e) {
            // NB: not Linux
        }
        return -1;
    }

    /** One simulated movie with its truth and, when asked, its noise-free frame 0. */
    private record Sim(SimulationOptions options, Path file, Path gain, Path defects, MovieTruth truth, Frame ideal) {

        static Sim make(SimulationOptions options, Path dir, boolean ideal) throws Exception {
            SimulationOptions o = options.toBuilder().count(1).build();
            String name = Acquisition.movieName(1, o);
            if (!Files.exists(dir.resolve(name))) {
                new Acquisition(o, dir, new PrintStream(OutputStream.nullOutputStream())).run();
            }
            MovieTruth truth = new ObjectMapper().readValue(dir.resolve(MovieTruth.fileNameFor(name)).toFile(),
                    MovieTruth.class);
            Frame clean = null;
            if (ideal) {
                Path cached = dir.resolve("ideal.mrc");
                if (Files.exists(cached)) {
                    clean = MrcFiles.readAll(cached).get(0);
                } else {
                    clean = noiseFree(o, name, truth);
                    MrcFiles.write(cached, List.of(clean), org.scipionj.image.io.MrcMode.FLOAT32, o.pixelSize_A());
                }
            }
            Path gain = dir.resolve(Acquisition.GAIN);
            Path defects = dir.resolve(Acquisition.DEFECTS);
            return new Sim(o, dir.resolve(name), Files.exists(gain) ? gain : null,
                    Files.exists(defects) ? defects : null, truth, clean);
        }

        /** Frame 0 without noise and without gain: the specimen in the reference position. */
        private static Frame noiseFree(SimulationOptions o, String name, MovieTruth truth) throws Exception {
            SimulationOptions c = o.toBuilder().noise(false).gain(false).format(OutputFormat.MRC_FLOAT32).build();
            MovieSimulator sim = new MovieSimulator(c);
            Frame frame = new Frame(o.width(), o.height());
            final class Done extends java.io.IOException {
                private static final long serialVersionUID = 1L;
            }
            try {
                sim.render(sim.plan(1, name, truth.acquisitionTime(), null, null), (t, counts) -> {
                    System.arraycopy(counts, 0, frame.data(), 0, counts.length);
                    throw new Done(); // NB: frame 0 is all that is needed
                });
            } catch (Done d) {
                // frame 0 captured
            }
            return frame;
        }

        Movie movie() {
            return new Movie(1, file.toString(), options.width(), options.height(), options.frames(),
                    options.pixelSize_A(), options.dosePerFrame_ePerA2(), options.initialDose_ePerA2(),
                    new org.scipionj.api.item.Acquisition(options.voltage_kV(), options.sphericalAberration_mm(),
                            options.amplitudeContrast(), 0), gain == null ? null : gain.toString(), null, Map.of());
        }

        double lastShift() {
            int n = truth.frames() - 1;
            return Math.hypot(truth.motion().shiftX_px()[n], truth.motion().shiftY_px()[n]);
        }

        double globalError(List<Double> x, List<Double> y) {
            int n = x.size();
            double mx = 0;
            double my = 0;
            for (int t = 0; t < n; t++) {
                mx += (x.get(t) - truth.motion().shiftX_px()[t]) / n;
                my += (y.get(t) - truth.motion().shiftY_px()[t]) / n;
            }
            double sq = 0;
            for (int t = 0; t < n; t++) {
                double ex = x.get(t) - truth.motion().shiftX_px()[t] - mx;
                double ey = y.get(t) - truth.motion().shiftY_px()[t] - my;
                sq += ex * ex + ey * ey;
            }
            return Math.sqrt(sq / n);
        }

        double fieldError(Run r) {
            double sx = 0;
            double sy = 0;
            double sq = 0;
            int count = 0;
            for (int t = 0; t < truth.frames(); t++) {
                for (int j = 0; j < 16; j++) {
                    for (int i = 0; i < 16; i++) {
                        double x = (i + 0.5) * truth.width() / 16;
                        double y = (j + 0.5) * truth.height() / 16;
                        double[] d = r.displacement(x, y, t);
                        double[] e = truth.motion().displacement(x, y, t);
                        double ex = d[0] - e[0];
                        double ey = d[1] - e[1];
                        sx += ex;
                        sy += ey;
                        sq += ex * ex + ey * ey;
                        count++;
                    }
                }
            }
            sx /= count;
            sy /= count;
            return Math.sqrt(sq / count - sx * sx - sy * sy);
        }

        /** Correlation with the noise-free micrograph, 8 to 3 A, central region (1/16 of each side left out). */
        double bandCorrelation(Frame sum) {
            int margin = Math.max(16, sum.width() / 16);
            ComplexFrame a = Fft.forward(central(sum, margin));
            ComplexFrame b = Fft.forward(central(ideal, margin));
            double px = options.pixelSize_A();
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int r = 0; r < a.height(); r++) {
                for (int c = 0; c < a.columns(); c++) {
                    double k = Math.hypot((double) c / a.width(), Frequencies.cyclesPerPixel(r, a.height())) / px;
                    if (k < 1 / 8.0 || k > 1 / 3.0) {
                        continue;
                    }
                    double m = c == 0 ? 1 : 2;
                    int i = a.index(c, r);
                    ab += m * (a.data()[i] * b.data()[i] + a.data()[i + 1] * b.data()[i + 1]);
                    aa += m * (a.data()[i] * a.data()[i] + a.data()[i + 1] * a.data()[i + 1]);
                    bb += m * (b.data()[i] * b.data()[i] + b.data()[i + 1] * b.data()[i + 1]);
                }
            }
            return ab / Math.sqrt(aa * bb);
        }

        private static Frame central(Frame f, int margin) {
            int w = f.width() - 2 * margin;
            int h = f.height() - 2 * margin;
            Frame c = new Frame(w, h);
            double mean = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = f.get(x + margin, y + margin);
                    c.set(x, y, v);
                    mean += v;
                }
            }
            mean /= (double) w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    c.set(x, y, (float) ((c.get(x, y) - mean) * taper(x, w) * taper(y, h)));
                }
            }
            return c;
        }

        private static double taper(int i, int n) {
            int edge = Math.max(1, n / 8);
            int d = Math.min(i, n - 1 - i);
            return d >= edge ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / edge);
        }
    }

    private static final class BenchRun implements RunContext {
        private final Path dir;
        private final Parameters parameters;
        private final int threads;
        private final List<String> log;

        BenchRun(Path dir, Parameters parameters, int threads, List<String> log) {
            this.dir = dir;
            this.parameters = parameters;
            this.threads = threads;
            this.log = log;
        }

        @Override
        public long runId() {
            return 2;
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public Path runDir() {
            return dir;
        }

        @Override
        public Path outputDir() {
            return dir.resolve("extra");
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public RunLog log() {
            return new RunLog() {
                @Override
                public void info(String message) {
                    log.add(message);
                }

                @Override
                public void warn(String message) {
                    log.add(message);
                }

                @Override
                public void error(String message, Throwable cause) {
                    log.add(message);
                }
            };
        }

        @Override
        public boolean isStopRequested() {
            return false;
        }
    }

    private record BenchItem(RunContext run, List<String> log) implements ItemContext {

        @Override
        public Path outputDir() {
            return run.outputDir();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void log(String message) {
            log.add(message);
        }

        @Override
        public List<Item> related(String inputSlot, long groupId) {
            return List.of();
        }
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
