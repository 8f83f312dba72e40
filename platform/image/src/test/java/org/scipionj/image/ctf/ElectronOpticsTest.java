package org.scipionj.image.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ElectronOpticsTest {

    @Test
    void relativisticWavelengthMatchesTabulatedValues() {
        // Williams & Carter, Table 1.1: 0.02508 Å at 200 kV, 0.01969 Å at 300 kV; 0.03701 Å at 100 kV.
        assertEquals(0.019687, ElectronOptics.wavelength_A(300), 1e-6);
        assertEquals(0.025079, ElectronOptics.wavelength_A(200), 1e-6);
        assertEquals(0.037014, ElectronOptics.wavelength_A(100), 1e-6);
    }

    @Test
    void interactionConstantAt300kV() {
        // Kirkland (2010), Fig. 5.3: sigma is about 6.5e-4 rad/(V.Å) at 300 kV and 7.3e-4 at 200 kV.
        assertEquals(6.526e-4, ElectronOptics.interactionConstant_radPerVA(300), 0.01e-4);
        assertEquals(7.288e-4, ElectronOptics.interactionConstant_radPerVA(200), 0.01e-4);
    }

    @Test
    void rejectsNonPositiveVoltage() {
        assertThrows(IllegalArgumentException.class, () -> ElectronOptics.wavelength_A(0));
    }
}
