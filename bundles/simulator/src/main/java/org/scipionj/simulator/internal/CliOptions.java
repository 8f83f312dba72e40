package org.scipionj.simulator.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/**
 * The arguments of {@code scipion testdata}, parsed: {@code --name value} or {@code --name=value}, plus the flags
 * {@code --slow-write} and {@code --help}. Errors are {@link IllegalArgumentException}s naming the option and the
 * accepted values. Immutable.
 *
 * @param options the simulation options (null with {@code --help})
 * @param out the output folder (null with {@code --help})
 * @param help whether {@code --help} was given
 */
record CliOptions(SimulationOptions options, Path out, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: scipion testdata --generate PRESET --out DIR [options]",
            "Writes synthetic movies one by one into DIR, as a microscope would, each with its ground truth",
            "(NAME.truth.json), plus dataset.json and, with gain, gain.mrc and defects.txt.",
            "  --generate PRESET        small (1024x1024, 24 frames, 1.0 Å/px), falcon4 (4096x4096, 40 frames,",
            "                           0.83 Å/px) or k3 (5760x4092, 50 frames, 0.83 Å/px, TIFF)",
            "  --out DIR                output folder (created; must not hold a dataset already)",
            "  --count N                number of movies (default 1)",
            "  --interval SECONDS       from the start of one movie to the start of the next (default 0)",
            "  --seed S                 dataset seed (default 1); equal options and seed give equal files",
            "  --slow-write             write each movie under its final name, frame by frame, as detectors do",
            "  --slow-write-seconds S   least time a movie takes to grow with --slow-write (default 4)",
            "  --start-time ISO         nominal start of acquisition (e.g. 2026-01-31T09:00:00Z) for",
            "                           reproducible acquisition times (default: the wall clock)",
            "Overrides of the preset:",
            "  --size WxH               frame size in pixels (e.g. 512x512, or 512)",
            "  --frames N               frames per movie",
            "  --dose E                 e/Å² per frame (default 2 for small, 1 for falcon4 and k3)",
            "  --initial-dose E         e/Å² before the first frame (default 0)",
            "  --pixel-size A           Å per pixel",
            "  --voltage KV             (default 300)   --cs MM (default 2.7)   --amplitude-contrast W (default 0.07)",
            "  --defocus MIN:MAX        mean-defocus range in µm, underfocus positive (default 0.8:2.5)",
            "  --astigmatism A          largest defocusU - defocusV in Å (default 400)",
            "  --phase-shift DEG        phase-plate phase shift (default 0)",
            "  --bfactor B              B-factor of the CTF envelope in Å² (default 60)",
            "  --drift PX               typical global drift over the movie in pixels, 0 = none (default 10)",
            "  --local-motion PX        largest local displacement at the last frame, 0 = none (default 1.5)",
            "  --particles N            particles per movie (default: about 25% coverage)",
            "  --particle-diameter A    particle diameter in Å (default 150)",
            "  --gain on|off            detector gain with dead and hot pixels, and its reference (default on)",
            "  --noise on|off           Poisson counting noise; off needs --format mrc-float32 (default on)",
            "  --format F               " + OutputFormat.ids() + " (default: mrc-int16; tiff for k3)",
            "Shifts in the truth files are the displacement of the specimen relative to frame 0, in pixels.");

    private static final Set<String> FLAGS = Set.of("slow-write", "help");
    private static final Set<String> VALUED = Set.of("generate", "out", "count", "interval", "seed",
            "slow-write-seconds", "start-time", "size", "frames", "dose", "initial-dose", "pixel-size", "voltage", "cs",
            "amplitude-contrast", "defocus", "astigmatism", "phase-shift", "bfactor", "drift", "local-motion",
            "particles", "particle-diameter", "gain", "noise", "format");

    /**
     * Parses {@code args} (what follows {@code testdata}).
     *
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value, or a value out of range
     */
    static CliOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options start with --"
                        + " (scipion testdata --help lists them)");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                values.put(name, "true");
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; accepted: " + accepted());
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
        }
        if (values.containsKey("help")) {
            return new CliOptions(null, null, true);
        }
        if (!values.containsKey("generate")) {
            throw new IllegalArgumentException("--generate PRESET is required; accepted presets: " + Preset.ids());
        }
        if (!values.containsKey("out")) {
            throw new IllegalArgumentException("--out DIR is required: the folder to write the movies into");
        }
        Preset preset = Preset.fromId(values.get("generate"));
        SimulationOptions.Builder b = SimulationOptions.builder(preset);
        Values v = new Values(values);
        v.ifPresent("count", s -> b.count(v.integer("count")));
        v.ifPresent("interval", s -> b.interval_s(v.number("interval")));
        v.ifPresent("seed", s -> b.seed(v.longInteger("seed")));
        b.slowWrite(values.containsKey("slow-write"));
        v.ifPresent("slow-write-seconds", s -> b.slowWrite_s(v.number("slow-write-seconds")));
        v.ifPresent("start-time", b::startTime);
        v.ifPresent("size", s -> {
            String[] p = s.toLowerCase(Locale.ROOT).split("x", -1);
            if (p.length > 2) {
                throw new IllegalArgumentException("--size must be WIDTHxHEIGHT or one number, got " + s);
            }
            int w = Values.parseInt("size", p[0]);
            b.size(w, p.length == 2 ? Values.parseInt("size", p[1]) : w);
        });
        v.ifPresent("frames", s -> b.frames(v.integer("frames")));
        v.ifPresent("dose", s -> b.dosePerFrame_ePerA2(v.number("dose")));
        v.ifPresent("initial-dose", s -> b.initialDose_ePerA2(v.number("initial-dose")));
        v.ifPresent("pixel-size", s -> b.pixelSize_A(v.number("pixel-size")));
        v.ifPresent("voltage", s -> b.voltage_kV(v.number("voltage")));
        v.ifPresent("cs", s -> b.sphericalAberration_mm(v.number("cs")));
        v.ifPresent("amplitude-contrast", s -> b.amplitudeContrast(v.number("amplitude-contrast")));
        v.ifPresent("defocus", s -> {
            String[] p = s.split(":", -1);
            if (p.length > 2) {
                throw new IllegalArgumentException("--defocus must be MIN:MAX or one value, in µm, got " + s);
            }
            double lo = Values.parseDouble("defocus", p[0]);
            b.defocus_um(lo, p.length == 2 ? Values.parseDouble("defocus", p[1]) : lo);
        });
        v.ifPresent("astigmatism", s -> b.astigmatism_A(v.number("astigmatism")));
        v.ifPresent("phase-shift", s -> b.phaseShift_deg(v.number("phase-shift")));
        v.ifPresent("bfactor", s -> b.bFactor_A2(v.number("bfactor")));
        v.ifPresent("drift", s -> b.drift_px(v.number("drift")));
        v.ifPresent("local-motion", s -> b.localMotion_px(v.number("local-motion")));
        v.ifPresent("particles", s -> b.particles(v.integer("particles")));
        v.ifPresent("particle-diameter", s -> b.particleDiameter_A(v.number("particle-diameter")));
        v.ifPresent("gain", s -> b.gain(v.onOff("gain")));
        v.ifPresent("noise", s -> b.noise(v.onOff("noise")));
        v.ifPresent("format", s -> b.format(OutputFormat.fromId(s)));
        return new CliOptions(b.build(), Path.of(values.get("out")).toAbsolutePath(), false);
    }

    private static String accepted() {
        StringBuilder s = new StringBuilder();
        for (String n : new java.util.TreeSet<>(VALUED)) {
            s.append("--").append(n).append(", ");
        }
        return s + "--slow-write, --help";
    }
}
