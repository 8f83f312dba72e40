package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;

class CurationTest {

    static final Micrograph STILL = new Micrograph(1, "/m.mrc", 8, 8, 1.0, null, null,
            Map.of("shiftsX_A", List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0), "shiftsY_A", List.of(0, 0, 0, 0, 0, 0, 0)));
    static final Micrograph JUMPY = new Micrograph(2, "/m.mrc", 8, 8, 1.0, null, null,
            Map.of("shiftsX_A", List.of(0.0, 20.0, 30.0, 31.0, 32.0, 33.0, 34.0), "shiftsY_A", List.of(0, 0, 0, 0, 0, 0, 0)));
    static final Curation RULES = new Curation(6, 5000, 30000, 800, 40, 10, 4, true);

    static CtfModel ctf(double u, double v, double res) {
        return new CtfModel(1, "/m.mrc", u, v, 0, 0, res, 0.5, null, Map.of());
    }

    @Test
    void eachRuleRejectsWithItsCode() {
        assertTrue(RULES.judge(STILL, ctf(15000, 14900, 4)).accepted());
        assertEquals(List.of("resolution"), RULES.judge(STILL, ctf(15000, 14900, 7)).codes());
        assertEquals(List.of("defocus"), RULES.judge(STILL, ctf(35000, 34900, 4)).codes());
        assertEquals(List.of("defocus"), RULES.judge(STILL, ctf(4000, 3900, 4)).codes());
        assertEquals(List.of("astigmatism"), RULES.judge(STILL, ctf(15000, 14000, 4)).codes());
        assertEquals(List.of("earlyDrift"), RULES.judge(JUMPY, ctf(15000, 14900, 4)).codes(), "32 Å early, 34 total");
        assertEquals(List.of("noCtf"), RULES.judge(STILL, null).codes());
        Curation.Verdict v = new Curation(6, 5000, 30000, 800, 30, 0, 4, false).judge(JUMPY, ctf(15000, 14900, 9));
        assertEquals(List.of("resolution", "drift"), v.codes());
        assertTrue(v.reason().contains("total drift 34.0 Å above 30.0 Å"), v.reason());
        assertTrue(new Curation(0, 0, 0, 0, 0, 0, 4, false).judge(JUMPY, ctf(1, 90000, 99)).accepted(), "0 disables");
        assertTrue(RULES.judge(STILL, ctf(15000, 14900, Double.NaN)).codes().contains("resolution"), "NaN fails");
    }
}
