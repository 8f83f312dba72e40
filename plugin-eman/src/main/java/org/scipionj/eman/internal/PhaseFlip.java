package org.scipionj.eman.internal;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.CtfModel;
import org.scipionj.image.Frame;
import org.scipionj.image.ctf.Ctf;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.FourierFilters;

/**
 * Phase flipping of a micrograph by its CTF (CTFFIND conventions, as {@link CtfModel} and {@link Ctf}): every
 * Fourier component where {@code sin χ} is negative is multiplied by -1. {@code sin χ} is positive at low
 * frequency, so the flipped micrograph keeps the contrast of the original (dark particles stay dark) while every
 * band has the sign of the lowest one. Stateless and thread-safe.
 */
final class PhaseFlip {

    private PhaseFlip() {
    }

    /** The CTF of {@code ctf} under {@code optics}, without an envelope. */
    static Ctf ctf(CtfModel ctf, Acquisition optics) {
        double w = Math.min(0.999, Math.max(0, optics.amplitudeContrast()));
        return new Ctf(optics.voltage_kV(), optics.sphericalAberration_mm(), w, ctf.defocusU_A(), ctf.defocusV_A(),
                ctf.defocusAngle_deg(), ctf.phaseShift_deg(), 0);
    }

    /** {@code micrograph} (kept) phase-flipped by {@code ctf}, at {@code pixelSize_A} Å/px, in a new frame. */
    static Frame flipped(Frame micrograph, CtfModel ctf, Acquisition optics, double pixelSize_A) {
        Ctf transfer = ctf(ctf, optics);
        ComplexFrame s = Fft.forward(micrograph);
        // Ctf.value is -sin χ: flip where it is positive.
        FourierFilters.apply(s, (kx, ky) -> transfer.value(kx / pixelSize_A, ky / pixelSize_A) > 0 ? -1 : 1);
        return Fft.inverse(s);
    }
}
