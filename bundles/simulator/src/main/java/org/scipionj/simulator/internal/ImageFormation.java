package org.scipionj.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.scipionj.image.ctf.Ctf;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftPlan;
import org.scipionj.image.process.FourierFilters;
import org.scipionj.image.process.FourierShift;
import org.scipionj.simulator.CtfTruth;
import org.scipionj.simulator.LocalMotion;
import org.scipionj.simulator.MotionTruth;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.Optics;
import org.scipionj.simulator.Particle;

/**
 * Renders the frames of one movie from its {@link MovieTruth}, frame by frame, so that only one frame and two
 * spectra are in memory at a time (about 5 x 4 bytes per pixel).
 *
 * <ol>
 * <li>Specimen phase φ ({@link Specimen}), mean removed, Fourier transformed.</li>
 * <li>Weak-phase image: {@code c = F⁻¹[2 CTF(k) F(φ)]} ({@link Ctf}: -sin χ times the B envelope); the
 * intensity is {@code I = E (1 + c)} with E the ice transmission, clamped at 0, then transformed again: S.</li>
 * <li>Frame t: {@code F⁻¹[S(k) exp(-2πi k·g(t))]} is I displaced by the global shift g(t) (exact, periodic;
 * Nyquist terms are zeroed so that sub-pixel shifts stay real), then deformed by the local motion
 * ({@link Warp}).</li>
 * <li>Detector: counts ~ Poisson(dose x pixel area x I x sensitivity), plus hot-pixel counts ({@link Detector},
 * {@link Poisson}); without noise, the expected counts.</li>
 * </ol>
 *
 * Not thread-safe (one rendering at a time); the loops inside use every core.
 */
final class ImageFormation {

    private final Physics physics;
    private final Detector detector;

    ImageFormation(Physics physics, Detector detector) {
        this.physics = physics;
        this.detector = detector;
    }

    /** Renders every frame of {@code truth} into {@code sink}. */
    void render(MovieTruth truth, boolean noise, FrameSink sink) throws java.io.IOException {
        int w = truth.width();
        int h = truth.height();
        FftPlan plan = Fft.plan(w, h);
        float[] image = specimenIntensity(truth, plan);
        float[] reference = new float[2 * (w / 2 + 1) * h];
        plan.forward(image, reference);
        zeroNyquist(reference, w, h);

        float[] spectrum = new float[reference.length];
        ComplexFrame shifted = new ComplexFrame(w, h, spectrum);
        MotionTruth motion = truth.motion();
        LocalMotion local = motion.local();
        float[] warped = local.isNone() ? null : new float[w * h];
        double[] sx = motion.shiftX_px();
        double[] sy = motion.shiftY_px();
        double meanCounts = truth.optics().dosePerFrame_ePerA2() * truth.optics().pixelSize_A()
                * truth.optics().pixelSize_A();
        for (int t = 0; t < truth.frames(); t++) {
            System.arraycopy(reference, 0, spectrum, 0, reference.length);
            FourierShift.shift(shifted, sx[t], sy[t]);
            plan.inverseOverwriting(spectrum, image);
            float[] frame = image;
            if (warped != null && t > 0) {
                Warp.apply(image, warped, w, h, local, t, sx[t], sy[t]);
                frame = warped;
            }
            detect(frame, meanCounts, noise, truth.seed(), t);
            sink.accept(t, frame);
        }
    }

    /** Steps 1 and 2: E (1 + c), in a new array. */
    float[] specimenIntensity(MovieTruth truth, FftPlan plan) {
        int w = truth.width();
        int h = truth.height();
        Optics optics = truth.optics();
        List<double[]> centres = new ArrayList<>();
        for (Particle p : truth.particles().centres()) {
            centres.add(new double[] {p.x_px(), p.y_px()});
        }
        float[] phase = Specimen.phase(w, h, optics.pixelSize_A(), optics.voltage_kV(), centres,
                truth.particles().diameter_px(), truth.seed(), physics);
        double mean = 0;
        for (float v : phase) {
            mean += v;
        }
        float m = (float) (mean / phase.length);
        for (int i = 0; i < phase.length; i++) {
            phase[i] -= m;
        }
        float[] spectrum = new float[2 * (w / 2 + 1) * h];
        plan.forward(phase, spectrum);
        CtfTruth c = truth.ctf();
        Ctf ctf = new Ctf(optics.voltage_kV(), optics.sphericalAberration_mm(), optics.amplitudeContrast(),
                c.defocusU_A(), c.defocusV_A(), c.defocusAngle_deg(), c.phaseShift_deg(), c.bFactor_A2());
        applyCtf(new ComplexFrame(w, h, spectrum), optics.pixelSize_A(), ctf);
        plan.inverseOverwriting(spectrum, phase);
        float[] e = Specimen.transmission(w, h, truth.seed(), physics.iceTransmission());
        for (int i = 0; i < phase.length; i++) {
            phase[i] = Math.max(0f, e[i] * (1f + phase[i]));
        }
        return phase;
    }

    /** Multiplies the spectrum by 2 CTF(k) (envelope included); the zero frequency becomes 0. */
    static void applyCtf(ComplexFrame spectrum, double pixelSize, Ctf ctf) {
        FourierFilters.apply(spectrum, (kx, ky) -> 2 * ctf.transfer(kx / pixelSize, ky / pixelSize));
        spectrum.set(0, 0, 0, 0);
    }

    /** Zeroes the Nyquist column (even width) and row (even height). */
    static void zeroNyquist(float[] spectrum, int w, int h) {
        int columns = w / 2 + 1;
        if (w % 2 == 0) {
            for (int r = 0; r < h; r++) {
                int i = 2 * (r * columns + w / 2);
                spectrum[i] = 0;
                spectrum[i + 1] = 0;
            }
        }
        if (h % 2 == 0) {
            int i0 = 2 * (h / 2) * columns;
            java.util.Arrays.fill(spectrum, i0, i0 + 2 * columns, 0f);
        }
    }

    /** Step 4, in place: intensity to counts. */
    private void detect(float[] frame, double meanCounts, boolean noise, long movieSeed, int t) {
        int w = detector.width();
        Loops.forRows(detector.height(), (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                SplittableRandom r = noise ? Seeds.random(movieSeed, Seeds.NOISE, t, y) : null;
                int row = y * w;
                for (int i = row; i < row + w; i++) {
                    double mu = meanCounts * Math.max(0f, frame[i]) * detector.sensitivity(i);
                    frame[i] = noise ? Poisson.sample(r, mu) : (float) mu;
                }
            }
        });
        double hot = detector.hotCounts(meanCounts);
        SplittableRandom r = Seeds.random(movieSeed, Seeds.NOISE, t, -1);
        for (int i : detector.hotPixels()) {
            frame[i] += noise ? Poisson.sample(r, hot) : (float) hot;
        }
    }
}
