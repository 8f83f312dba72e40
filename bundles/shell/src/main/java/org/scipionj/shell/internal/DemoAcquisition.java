package org.scipionj.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scipionj.api.project.ScipionException;
import org.scipionj.api.session.DemoRequest;

/**
 * The demo's simulated acquisition: a preset (the simulator's camera, made smaller for {@code tiny}) with the
 * request's optics, turned into {@code scipion testdata} arguments and into the answers of the workflow
 * template's fields, so that the project's parameters match the movies (pixel size, dose, particle size in
 * pixels, box, CTF window). Immutable.
 *
 * @param preset        the demo preset
 * @param simulator     the simulator's preset
 * @param width         frame width, pixels
 * @param height        frame height, pixels
 * @param frames        frames per movie
 * @param pixel_A       pixel size
 * @param dose          dose per frame, e/Å²
 * @param voltage_kV    acceleration voltage
 * @param extension     movie file extension
 */
record DemoAcquisition(String preset, String simulator, int width, int height, int frames, double pixel_A,
        double dose, double voltage_kV, String extension) {

    /** The simulator's default particle diameter. */
    static final double PARTICLE_DIAMETER_A = 150;
    static final List<String> PRESETS = List.of("tiny", "small", "falcon4", "k3");

    /** The preset named in the request (default {@code tiny}) with its optics overrides. */
    static DemoAcquisition of(DemoRequest r) {
        String name = r.preset() == null || r.preset().isBlank() ? PRESETS.get(0) : r.preset().trim().toLowerCase(Locale.ROOT);
        DemoAcquisition a = switch (name) {
            case "tiny" -> new DemoAcquisition(name, "small", 512, 512, 8, 2.0, 2.0, 300, "mrc");
            case "small" -> new DemoAcquisition(name, "small", 1024, 1024, 24, 1.0, 2.0, 300, "mrc");
            case "falcon4" -> new DemoAcquisition(name, "falcon4", 4096, 4096, 40, 0.83, 1.0, 300, "mrc");
            case "k3" -> new DemoAcquisition(name, "k3", 5760, 4092, 50, 0.83, 1.0, 300, "tif");
            default -> throw new ScipionException("unknown demo preset '" + r.preset() + "'; accepted: "
                    + String.join(", ", PRESETS) + " (tiny: 512x512, 8 frames, 2 Å/px, a few seconds per movie)");
        };
        double pixel = positive(r.samplingRate_Apx(), a.pixel_A, "sampling rate (Å/px)", 0.2, 20);
        double dose = positive(r.dosePerFrame_ePerA2(), a.dose, "dose per frame (e/Å²)", 0.01, 50);
        double voltage = positive(r.voltage_kV(), a.voltage_kV, "voltage (kV)", 60, 1000);
        return new DemoAcquisition(a.preset, a.simulator, a.width, a.height, a.frames, pixel, dose, voltage,
                a.extension);
    }

    private static double positive(Double value, double fallback, String what, double min, double max) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= min && value <= max)) {
            throw new ScipionException("the " + what + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** The movies' file pattern, as the import watches it. */
    String pattern() {
        return "movie_*." + extension;
    }

    /** Particle diameter on the micrographs, pixels. */
    int particle_px() {
        return (int) Math.round(PARTICLE_DIAMETER_A / pixel_A);
    }

    /** The extraction (and picking) box: a third larger than the particle, even. */
    int box_px() {
        return 2 * (int) Math.ceil(particle_px() * 1.35 / 2);
    }

    /**
     * {@code testdata} arguments writing {@code count} movies into {@code folder}, one every {@code interval_s}. Each
     * movie appears whole (not {@code --slow-write}): the simulator may pause longer than the import's file timeout
     * between frames on a loaded machine, and a movie imported half-written fails.
     */
    List<String> simulatorArgs(Path folder, int count, double interval_s) {
        List<String> args = new ArrayList<>(List.of("testdata", "--generate", simulator, "--out", folder.toString(),
                "--count", String.valueOf(count), "--interval", num(interval_s), "--gain", "off",
                "--size", width + "x" + height,
                "--frames", String.valueOf(frames), "--pixel-size", num(pixel_A), "--dose", num(dose),
                "--voltage", num(voltage_kV)));
        return args;
    }

    /**
     * Answers for the template fields the demo knows (by Scipion's aliases in {@code workflows/}); the caller
     * keeps those the template has.
     */
    Map<String, String> answers(Path folder, double interval_s) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("moviesPath", folder.toString());
        a.put("filesPattern", pattern());
        a.put("voltage", num(voltage_kV));
        a.put("samplingRate", num(pixel_A));
        a.put("dosePerFrame", num(dose));
        a.put("fileTimeout", "1");
        // NB: the demo closes the stream when the acquisition ends; this only matters if nobody watches
        a.put("importTimeout", String.valueOf((long) Math.max(120, 10 * interval_s)));
        a.put("particleSize", String.valueOf(particle_px()));
        a.put("boxSize", String.valueOf(box_px()));
        a.put("windowSize", Math.min(width, height) <= 512 ? "256" : "512");
        a.put("highRes", num(Math.max(5.0, 2.5 * pixel_A)));
        a.put("samplingInterval", "5");
        return a;
    }

    /** One line for the user. */
    String describe() {
        return preset + ": " + width + "x" + height + ", " + frames + " frames, " + num(pixel_A) + " Å/px, "
                + num(dose) + " e/Å² per frame, " + num(voltage_kV) + " kV";
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
