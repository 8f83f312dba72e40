package org.scipionj.simulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.scipionj.image.ctf.ElectronOptics;
import org.scipionj.simulator.CtfTruth;
import org.scipionj.simulator.DetectorTruth;
import org.scipionj.simulator.LocalMotion;
import org.scipionj.simulator.MotionTruth;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Optics;
import org.scipionj.simulator.Particle;
import org.scipionj.simulator.ParticleTruth;
import org.scipionj.simulator.SimulationOptions;

/**
 * Simulates the movies of one dataset: {@link #plan} draws everything random about movie {@code index} (defocus,
 * astigmatism, drift, local motion, particle positions) into its {@link MovieTruth}; {@link #render} turns a truth
 * into frames. Movie {@code index} is the same whatever the count or the order movies are made in. Not
 * thread-safe: render one movie at a time (rendering itself uses every core).
 *
 * <pre>{@code
 * MovieSimulator sim = new MovieSimulator(options, Physics.DEFAULT);
 * MovieTruth truth = sim.plan(1, "movie_0001.mrc", Instant.now().toString(), "gain.mrc", "defects.txt");
 * sim.render(truth, (t, counts) -> writer.write(counts));
 * }</pre>
 */
public final class MovieSimulator {

    private final SimulationOptions options;
    private final Physics physics;
    private final Detector detector;

    public MovieSimulator(SimulationOptions options) {
        this(options, Physics.DEFAULT);
    }

    MovieSimulator(SimulationOptions options, Physics physics) {
        this.options = options;
        this.physics = physics;
        this.detector = options.gain()
                ? Detector.simulate(options.width(), options.height(), options.seed(), physics)
                : Detector.ideal(options.width(), options.height());
    }

    public SimulationOptions options() {
        return options;
    }

    Detector detector() {
        return detector;
    }

    /** The seed of movie {@code index} (1-based): 53 bits, so that JSON readers that use doubles keep it exact. */
    long movieSeed(int index) {
        return Seeds.mix(options.seed(), index) >>> 11;
    }

    /** Draws the parameters of movie {@code index} (1-based); file names are those written beside the movie. */
    public MovieTruth plan(int index, String movieFile, String acquisitionTime, String gainFile, String defectsFile) {
        SimulationOptions o = options;
        long seed = movieSeed(index);
        int w = o.width();
        int h = o.height();
        int n = o.frames();

        SplittableRandom rc = Seeds.random(seed, Seeds.CTF);
        double meanDefocus = 1e4 * (o.defocusMin_um() + (o.defocusMax_um() - o.defocusMin_um()) * rc.nextDouble());
        double astig = o.astigmatism_A() * rc.nextDouble();
        double angle = 180 * rc.nextDouble();
        CtfTruth ctf = new CtfTruth(meanDefocus + astig / 2, meanDefocus - astig / 2, angle, o.phaseShift_deg(),
                o.bFactor_A2());

        double[][] g = Motions.globalDrift(n, o.drift_px(), Seeds.random(seed, Seeds.DRIFT));
        LocalMotion local = Motions.localMotion(w, h, n, o.localMotion_px(), Seeds.random(seed, Seeds.LOCAL_MOTION));
        MotionTruth motion = new MotionTruth("frame 0", MotionTruth.CONVENTION, g[0], g[1], local);

        double maxShift = 0;
        for (int t = 0; t < n; t++) {
            maxShift = Math.max(maxShift, Math.hypot(g[0][t], g[1][t]));
        }
        double d = o.particleDiameter_px();
        double margin = d / 2 + maxShift + o.localMotion_px() + 2;
        List<Particle> particles = new ArrayList<>();
        for (double[] c : ParticlePlacement.place(w, h, o.particles(), 1.05 * d, margin,
                Seeds.random(seed, Seeds.PARTICLES, 0))) {
            particles.add(new Particle(c[0], c[1]));
        }

        Optics optics = new Optics(o.voltage_kV(), o.sphericalAberration_mm(), o.amplitudeContrast(),
                o.pixelSize_A(), o.dosePerFrame_ePerA2(), o.initialDose_ePerA2(),
                ElectronOptics.wavelength_A(o.voltage_kV()));
        DetectorTruth det = new DetectorTruth(o.format().id(), o.noise() ? "poisson" : "none",
                o.countsPerPixelPerFrame(), o.gain() ? gainFile : null, o.gain() ? defectsFile : null);
        return new MovieTruth(MovieTruth.SCHEMA, movieFile, index, seed, acquisitionTime, w, h, n, optics, ctf,
                motion, new ParticleTruth(particles.size(), o.particleDiameter_A(), d, particles), det);
    }

    /** Renders the frames of {@code truth} (a plan of this simulator) into {@code sink}, in order. */
    public void render(MovieTruth truth, FrameSink sink) throws IOException {
        new ImageFormation(physics, detector).render(truth, options.noise(), sink);
    }

    /** The gain reference to multiply raw frames by ({@code 1/sensitivity}, 0 at dead pixels), row by row. */
    public float[] gainReference() {
        return detector.gainReference();
    }

    /** The defect list, MotionCor2 {@code -DefectFile} format. */
    public String defectList() {
        return detector.defectList();
    }
}
