package org.scipionj.image.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CtfTest {

    @Test
    void lowFrequencyValueIsMinusTheAmplitudeContrast() {
        Ctf ctf = new Ctf(300, 2.7, 0.07, 15000, 15000, 0, 0, 0);
        assertEquals(-0.07, ctf.value(0, 0), 1e-12);
        // with a 90° phase plate the CTF starts at -1 (maximum phase contrast)
        Ctf vpp = new Ctf(300, 2.7, 0.0, 5000, 5000, 0, 90, 0);
        assertEquals(-1, vpp.value(0, 0), 1e-12);
    }

    @Test
    void defocusFollowsTheAstigmatismAngle() {
        Ctf ctf = new Ctf(300, 2.7, 0.1, 20000, 18000, 30, 0, 0);
        assertEquals(20000, ctf.defocus_A(Math.toRadians(30)), 1e-9);
        assertEquals(18000, ctf.defocus_A(Math.toRadians(120)), 1e-9);
        assertEquals(19000, ctf.defocus_A(Math.toRadians(75)), 1e-9);
        assertEquals(20000, ctf.defocus_A(Math.toRadians(210)), 1e-9);
    }

    @Test
    void zerosAreWhereSinChiVanishes() {
        Ctf ctf = new Ctf(300, 2.7, 0.07, 21000, 17000, 40, 20, 50);
        for (double angle : new double[] {0, Math.toRadians(40), Math.toRadians(130)}) {
            double[] zeros = ctf.zeros(angle, 12);
            assertEquals(12, zeros.length);
            double previous = 0;
            for (double k : zeros) {
                assertTrue(k > previous);
                previous = k;
                assertEquals(0, ctf.value(k * Math.cos(angle), k * Math.sin(angle)), 1e-9);
            }
        }
        // the isotropic first zero without Cs or amplitude contrast: k^2 = 1 / (lambda df)
        Ctf simple = new Ctf(300, 0, 0, 10000, 10000, 0, 0, 0);
        assertEquals(Math.sqrt(1 / (ElectronOptics.wavelength_A(300) * 10000)), simple.zeros(0, 1)[0], 1e-12);
    }

    @Test
    void envelopeIsTheBFactorGaussian() {
        Ctf ctf = new Ctf(300, 2.7, 0.07, 15000, 15000, 0, 0, 100);
        assertEquals(Math.exp(-100 * 0.04 / 4), ctf.envelope(0.2, 0), 1e-12);
        assertEquals(ctf.value(0.1, 0.1) * ctf.envelope(0.1, 0.1), ctf.transfer(0.1, 0.1), 1e-15);
    }
}
