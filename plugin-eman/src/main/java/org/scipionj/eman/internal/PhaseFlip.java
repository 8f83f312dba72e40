package org.scipionj.eman.internal;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.FourierFilters;

/**
 * Phase flipping of a micrograph by its CTF (CTFFIND conventions, as {@link CtfModel}): with
 * {@code χ(k) = π λ Δf(θ) k² - (π/2) Cs λ³ k⁴ + Δφ + atan(w / sqrt(1 - w²))} and
 * {@code Δf(θ) = (U + V)/2 + (U - V)/2 cos 2(θ - angle)}, every Fourier component where {@code sin χ} is negative
 * is multiplied by -1. {@code sin χ} is positive at low frequency, so the flipped micrograph keeps the contrast of
 * the original (dark particles stay dark) while every band has the sign of the lowest one. λ is the relativistic
 * electron wavelength. Stateless and thread-safe.
 *
 * <p>NB: a general CTF evaluator belongs in {@code platform/image} ({@code org.scipionj.image.process}); this one is
 * private until it moves there.
 */
final class PhaseFlip {

    private PhaseFlip() {
    }

    /** Relativistic electron wavelength in Å at {@code voltage_kV}. */
    static double wavelength_A(double voltage_kV) {
        double v = voltage_kV * 1000;
        return 12.2642598 / Math.sqrt(v * (1 + 0.978466e-6 * v));
    }

    /** {@code sin χ} at spatial frequency {@code (kx, ky)} in 1/Å. */
    static double sinChi(CtfModel ctf, Acquisition optics, double kx, double ky) {
        double lambda = wavelength_A(optics.voltage_kV());
        double cs = optics.sphericalAberration_mm() * 1e7;
        double w = Math.min(0.999, Math.max(0, optics.amplitudeContrast()));
        double k2 = kx * kx + ky * ky;
        double theta = Math.atan2(ky, kx);
        double angle = Math.toRadians(ctf.defocusAngle_deg());
        double df = 0.5 * (ctf.defocusU_A() + ctf.defocusV_A())
                + 0.5 * (ctf.defocusU_A() - ctf.defocusV_A()) * Math.cos(2 * (theta - angle));
        double chi = Math.PI * lambda * df * k2 - 0.5 * Math.PI * cs * lambda * lambda * lambda * k2 * k2
                + Math.toRadians(ctf.phaseShift_deg()) + Math.atan(w / Math.sqrt(1 - w * w));
        return Math.sin(chi);
    }

    /** {@code micrograph} (kept) phase-flipped by {@code ctf}, at {@code pixelSize_A} Å/px, in a new frame. */
    static Frame flipped(Frame micrograph, CtfModel ctf, Acquisition optics, double pixelSize_A) {
        ComplexFrame s = Fft.forward(micrograph);
        FourierFilters.apply(s, (kx, ky) -> sinChi(ctf, optics, kx / pixelSize_A, ky / pixelSize_A) < 0 ? -1 : 1);
        return Fft.inverse(s);
    }
}
