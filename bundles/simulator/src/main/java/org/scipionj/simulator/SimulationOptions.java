package org.scipionj.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Everything a simulated dataset depends on. Start from a {@link Preset} with {@link #builder(Preset)}; each
 * component has a command-line option of {@code scipion testdata} (named in the error messages). Two datasets
 * made with equal options are identical, file for file (except the acquisition times when {@code startTime} is
 * null, which are then the wall-clock times of writing). Immutable; {@link #validate} runs on construction.
 *
 * <pre>{@code
 * SimulationOptions o = SimulationOptions.builder(Preset.SMALL).width(512).height(512).frames(8).seed(7).build();
 * }</pre>
 *
 * @param preset the preset the defaults came from
 * @param count movies to write ({@code --count})
 * @param interval_s seconds from the start of one movie to the start of the next ({@code --interval}); a movie
 *        that takes longer to simulate starts the next one at once
 * @param seed dataset seed ({@code --seed})
 * @param slowWrite write each movie under its final name, frame by frame, as detectors do ({@code --slow-write})
 * @param slowWrite_s with {@code slowWrite}, the least time a movie takes to grow to its full size
 * @param startTime nominal start of the acquisition (ISO-8601 instant) or null for the wall clock
 * @param width frame width, pixels ({@code --size WxH})
 * @param height frame height, pixels
 * @param frames frames per movie ({@code --frames})
 * @param pixelSize_A Å per pixel ({@code --pixel-size})
 * @param dosePerFrame_ePerA2 e/Å² per frame ({@code --dose})
 * @param initialDose_ePerA2 dose before the first frame ({@code --initial-dose})
 * @param voltage_kV accelerating voltage ({@code --voltage})
 * @param sphericalAberration_mm Cs ({@code --cs})
 * @param amplitudeContrast w ({@code --amplitude-contrast})
 * @param defocusMin_um smallest mean defocus, µm, underfocus positive ({@code --defocus MIN:MAX})
 * @param defocusMax_um largest mean defocus, µm; each movie draws its mean defocus uniformly in the range
 * @param astigmatism_A largest defocusU - defocusV, Å; each movie draws it uniformly in [0, this]
 *        ({@code --astigmatism})
 * @param phaseShift_deg phase-plate phase shift ({@code --phase-shift})
 * @param bFactor_A2 B-factor of the CTF envelope ({@code --bfactor})
 * @param drift_px typical global drift over the whole movie, pixels; 0: none ({@code --drift})
 * @param localMotion_px largest local displacement at the last frame, pixels; 0: none ({@code --local-motion})
 * @param particles particles per micrograph ({@code --particles})
 * @param particleDiameter_A particle diameter, Å ({@code --particle-diameter})
 * @param gain simulate a detector gain with dead and hot pixels and write its reference ({@code --gain on|off})
 * @param noise Poisson counting noise; without it the frames hold the expected counts, as float32
 *        ({@code --noise on|off})
 * @param format file format ({@code --format})
 */
public record SimulationOptions(Preset preset, int count, double interval_s, long seed, boolean slowWrite,
                                double slowWrite_s, String startTime, int width, int height, int frames,
                                double pixelSize_A, double dosePerFrame_ePerA2, double initialDose_ePerA2,
                                double voltage_kV, double sphericalAberration_mm, double amplitudeContrast,
                                double defocusMin_um, double defocusMax_um, double astigmatism_A,
                                double phaseShift_deg, double bFactor_A2, double drift_px, double localMotion_px,
                                int particles, double particleDiameter_A, boolean gain, boolean noise,
                                OutputFormat format) {

    public SimulationOptions {
        validate(preset, count, interval_s, slowWrite_s, startTime, width, height, frames, pixelSize_A,
                dosePerFrame_ePerA2, initialDose_ePerA2, voltage_kV, sphericalAberration_mm, amplitudeContrast,
                defocusMin_um, defocusMax_um, astigmatism_A, phaseShift_deg, bFactor_A2, drift_px, localMotion_px,
                particles, particleDiameter_A, noise, format);
    }

    /** A builder holding the defaults of {@code preset}. */
    public static Builder builder(Preset preset) {
        return new Builder(preset);
    }

    /** The options of {@code preset} with every default. */
    public static SimulationOptions of(Preset preset) {
        return builder(preset).build();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Particle diameter in pixels. */
    public double particleDiameter_px() {
        return particleDiameter_A / pixelSize_A;
    }

    /** Expected counts per pixel per frame before gain: dose per frame times the pixel area. */
    public double countsPerPixelPerFrame() {
        return dosePerFrame_ePerA2 * pixelSize_A * pixelSize_A;
    }

    private static void validate(Preset preset, int count, double interval, double slowWriteSeconds,
                                 String startTime, int width, int height, int frames, double pixelSize,
                                 double dose, double initialDose, double voltage, double cs, double w,
                                 double dfMin, double dfMax, double astig, double phaseShift, double bFactor,
                                 double drift, double local, int particles, double diameter, boolean noise,
                                 OutputFormat format) {
        require(preset != null, "--generate", "a preset (" + Preset.ids() + ")", null);
        require(format != null, "--format", "one of " + OutputFormat.ids(), null);
        require(count >= 1, "--count", "at least 1", count);
        require(interval >= 0 && Double.isFinite(interval), "--interval", "0 or more seconds", interval);
        require(slowWriteSeconds >= 0 && Double.isFinite(slowWriteSeconds), "--slow-write", "0 or more seconds",
                slowWriteSeconds);
        if (startTime != null) {
            try {
                Instant.parse(startTime);
            } catch (DateTimeParseException e) {
                require(false, "--start-time", "an ISO-8601 instant such as 2026-01-31T09:00:00Z", startTime);
            }
        }
        require(width >= 32 && width <= 16384 && height >= 32 && height <= 16384, "--size",
                "WIDTHxHEIGHT with each side in 32..16384", width + "x" + height);
        require(frames >= 1 && frames <= 2000, "--frames", "in 1..2000", frames);
        require(pixelSize > 0.05 && pixelSize <= 20, "--pixel-size", "in (0.05, 20] Å", pixelSize);
        require(dose > 0 && dose <= 1000, "--dose", "in (0, 1000] e/Å² per frame", dose);
        require(initialDose >= 0 && Double.isFinite(initialDose), "--initial-dose", "0 or more e/Å²", initialDose);
        require(voltage >= 10 && voltage <= 3000, "--voltage", "in 10..3000 kV", voltage);
        require(cs >= 0 && cs <= 20, "--cs", "in 0..20 mm", cs);
        require(w >= 0 && w < 1, "--amplitude-contrast", "in [0, 1)", w);
        require(dfMin >= 0 && dfMin <= dfMax && dfMax <= 100, "--defocus",
                "MIN:MAX in µm with 0 <= MIN <= MAX <= 100", dfMin + ":" + dfMax);
        require(astig >= 0 && astig <= 1e5, "--astigmatism", "0..100000 Å", astig);
        require(Math.abs(phaseShift) <= 360, "--phase-shift", "in -360..360 degrees", phaseShift);
        require(bFactor >= 0 && bFactor <= 10000, "--bfactor", "in 0..10000 Å²", bFactor);
        require(drift >= 0 && drift <= 1000, "--drift", "0..1000 pixels", drift);
        require(local >= 0 && local <= 100, "--local-motion", "0..100 pixels", local);
        require(particles >= 0 && particles <= 100_000, "--particles", "0..100000", particles);
        require(diameter > 0 && Double.isFinite(diameter), "--particle-diameter", "a positive size in Å", diameter);
        double diameterPx = diameter / pixelSize;
        require(particles == 0 || (diameterPx >= 4 && diameterPx <= Math.min(width, height) / 2.0),
                "--particle-diameter", "between 4 pixels and half the frame ("
                        + Math.round(Math.min(width, height) / 2.0 * pixelSize) + " Å here)", diameter);
        require(noise || format == OutputFormat.MRC_FLOAT32, "--noise",
                "on, unless --format is mrc-float32 (noise-free frames hold fractional expected counts)", "off");
    }

    private static void require(boolean ok, String option, String accepted, Object got) {
        if (!ok) {
            throw new IllegalArgumentException(option + " must be " + accepted + (got == null ? "" : ", got " + got));
        }
    }

    /**
     * Collects options, starting from a preset's defaults; {@link #build()} validates them. Setting
     * {@link #particles(int)} to {@link #AUTO_PARTICLES} (the default) covers about a quarter of the frame.
     * Not thread-safe.
     */
    public static final class Builder {

        /** {@link #particles(int)} value meaning: as many as cover about 25% of the frame. */
        public static final int AUTO_PARTICLES = -1;
        private Preset preset;
        private int count;
        private double interval_s;
        private long seed;
        private boolean slowWrite;
        private double slowWrite_s;
        private String startTime;
        private int width;
        private int height;
        private int frames;
        private double pixelSize_A;
        private double dosePerFrame_ePerA2;
        private double initialDose_ePerA2;
        private double voltage_kV;
        private double sphericalAberration_mm;
        private double amplitudeContrast;
        private double defocusMin_um;
        private double defocusMax_um;
        private double astigmatism_A;
        private double phaseShift_deg;
        private double bFactor_A2;
        private double drift_px;
        private double localMotion_px;
        private int particles;
        private double particleDiameter_A;
        private boolean gain;
        private boolean noise;
        private OutputFormat format;

        private Builder(Preset preset) {
            this.preset = preset;
            this.count = 1;
            this.interval_s = 0;
            this.seed = 1;
            this.slowWrite = false;
            this.slowWrite_s = 4;
            this.startTime = null;
            this.width = preset.width();
            this.height = preset.height();
            this.frames = preset.frames();
            this.pixelSize_A = preset.pixelSize_A();
            this.dosePerFrame_ePerA2 = preset.dosePerFrame_ePerA2();
            this.initialDose_ePerA2 = 0;
            this.voltage_kV = 300;
            this.sphericalAberration_mm = 2.7;
            this.amplitudeContrast = 0.07;
            this.defocusMin_um = 0.8;
            this.defocusMax_um = 2.5;
            this.astigmatism_A = 400;
            this.phaseShift_deg = 0;
            this.bFactor_A2 = 60;
            this.drift_px = 10;
            this.localMotion_px = 1.5;
            this.particles = AUTO_PARTICLES;
            this.particleDiameter_A = 150;
            this.gain = true;
            this.noise = true;
            this.format = preset.format();
        }

        private Builder(SimulationOptions o) {
            this.preset = o.preset;
            this.count = o.count;
            this.interval_s = o.interval_s;
            this.seed = o.seed;
            this.slowWrite = o.slowWrite;
            this.slowWrite_s = o.slowWrite_s;
            this.startTime = o.startTime;
            this.width = o.width;
            this.height = o.height;
            this.frames = o.frames;
            this.pixelSize_A = o.pixelSize_A;
            this.dosePerFrame_ePerA2 = o.dosePerFrame_ePerA2;
            this.initialDose_ePerA2 = o.initialDose_ePerA2;
            this.voltage_kV = o.voltage_kV;
            this.sphericalAberration_mm = o.sphericalAberration_mm;
            this.amplitudeContrast = o.amplitudeContrast;
            this.defocusMin_um = o.defocusMin_um;
            this.defocusMax_um = o.defocusMax_um;
            this.astigmatism_A = o.astigmatism_A;
            this.phaseShift_deg = o.phaseShift_deg;
            this.bFactor_A2 = o.bFactor_A2;
            this.drift_px = o.drift_px;
            this.localMotion_px = o.localMotion_px;
            this.particles = o.particles;
            this.particleDiameter_A = o.particleDiameter_A;
            this.gain = o.gain;
            this.noise = o.noise;
            this.format = o.format;
        }

        public Builder preset(Preset preset) {
            this.preset = preset;
            return this;
        }

        public Builder count(int count) {
            this.count = count;
            return this;
        }

        public Builder interval_s(double interval_s) {
            this.interval_s = interval_s;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder slowWrite(boolean slowWrite) {
            this.slowWrite = slowWrite;
            return this;
        }

        public Builder slowWrite_s(double slowWrite_s) {
            this.slowWrite_s = slowWrite_s;
            return this;
        }

        public Builder startTime(String startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder width(int width) {
            this.width = width;
            return this;
        }

        public Builder height(int height) {
            this.height = height;
            return this;
        }

        public Builder frames(int frames) {
            this.frames = frames;
            return this;
        }

        public Builder pixelSize_A(double pixelSize_A) {
            this.pixelSize_A = pixelSize_A;
            return this;
        }

        public Builder dosePerFrame_ePerA2(double dosePerFrame_ePerA2) {
            this.dosePerFrame_ePerA2 = dosePerFrame_ePerA2;
            return this;
        }

        public Builder initialDose_ePerA2(double initialDose_ePerA2) {
            this.initialDose_ePerA2 = initialDose_ePerA2;
            return this;
        }

        public Builder voltage_kV(double voltage_kV) {
            this.voltage_kV = voltage_kV;
            return this;
        }

        public Builder sphericalAberration_mm(double sphericalAberration_mm) {
            this.sphericalAberration_mm = sphericalAberration_mm;
            return this;
        }

        public Builder amplitudeContrast(double amplitudeContrast) {
            this.amplitudeContrast = amplitudeContrast;
            return this;
        }

        public Builder defocusMin_um(double defocusMin_um) {
            this.defocusMin_um = defocusMin_um;
            return this;
        }

        public Builder defocusMax_um(double defocusMax_um) {
            this.defocusMax_um = defocusMax_um;
            return this;
        }

        public Builder astigmatism_A(double astigmatism_A) {
            this.astigmatism_A = astigmatism_A;
            return this;
        }

        public Builder phaseShift_deg(double phaseShift_deg) {
            this.phaseShift_deg = phaseShift_deg;
            return this;
        }

        public Builder bFactor_A2(double bFactor_A2) {
            this.bFactor_A2 = bFactor_A2;
            return this;
        }

        public Builder drift_px(double drift_px) {
            this.drift_px = drift_px;
            return this;
        }

        public Builder localMotion_px(double localMotion_px) {
            this.localMotion_px = localMotion_px;
            return this;
        }

        public Builder particles(int particles) {
            this.particles = particles;
            return this;
        }

        public Builder particleDiameter_A(double particleDiameter_A) {
            this.particleDiameter_A = particleDiameter_A;
            return this;
        }

        public Builder gain(boolean gain) {
            this.gain = gain;
            return this;
        }

        public Builder noise(boolean noise) {
            this.noise = noise;
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        /** Width and height together. */
        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** The mean-defocus range, µm. */
        public Builder defocus_um(double min, double max) {
            this.defocusMin_um = min;
            this.defocusMax_um = max;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the option that is out of range and the accepted values
         */
        public SimulationOptions build() {
            int n = particles;
            if (n == AUTO_PARTICLES) {
                double d = particleDiameter_A / pixelSize_A;
                n = d > 0 ? (int) Math.round(0.25 * width * height / (Math.PI * d * d / 4)) : 0;
            }
            return new SimulationOptions(preset, count, interval_s, seed, slowWrite, slowWrite_s, startTime, width,
                    height, frames, pixelSize_A, dosePerFrame_ePerA2, initialDose_ePerA2, voltage_kV,
                    sphericalAberration_mm, amplitudeContrast, defocusMin_um, defocusMax_um, astigmatism_A,
                    phaseShift_deg, bFactor_A2, drift_px, localMotion_px, n, particleDiameter_A, gain, noise, format);
        }
    }
}
