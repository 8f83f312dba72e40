package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scipionj.image.ctf.Ctf;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.RadialProfile;
import org.scipionj.image.process.RotationalAverage;
import org.scipionj.simulator.CtfTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/**
 * The Thon rings of a simulated micrograph are where the CTF formula puts them: the minima of the power spectrum's
 * rotational (or sector) average against the analytic zeros χ = nπ.
 */
class ThonRingTest {

    private static final int SIZE = 512;

    private static SimulationOptions.Builder noiseFree() {
        return SimulationOptions.builder(Preset.SMALL).size(SIZE, SIZE).frames(1).noise(false)
                .format(OutputFormat.MRC_FLOAT32).gain(false).drift_px(0).localMotion_px(0).particles(0)
                .pixelSize_A(1.2).bFactor_A2(20);
    }

    @Test
    void rotationalAverageMinimaAreTheCtfZeros() throws Exception {
        SimulationOptions o = noiseFree().defocus_um(1.3, 1.3).astigmatism_A(0).build();
        Rendered movie = Rendered.of(o);
        CtfTruth c = movie.truth().ctf();
        assertEquals(13000, c.defocusU_A(), 1e-6);
        Ctf ctf = ctf(o, c);
        RadialProfile profile = RotationalAverage.ofPower(Fft.forward(movie.frame(0)));
        double[] power = profile.value();
        double[] zeros = ctf.zeros(0, 8);
        assertEquals(8, zeros.length);
        for (double k : zeros) {
            double expected = k * o.pixelSize_A() * SIZE; // in rings (1/SIZE cycles/px)
            double found = minimumNear(power, expected, 2.5);
            assertEquals(expected, found, 0.35, "zero at " + expected + " rings, power minimum at " + found);
        }
    }

    @Test
    void sectorMinimaFollowDefocusUAtTheAstigmatismAngle() throws Exception {
        SimulationOptions o = noiseFree().defocus_um(1.5, 1.5).astigmatism_A(4000).build();
        Rendered movie = Rendered.of(o, Physics.DEFAULT, 3);
        CtfTruth c = movie.truth().ctf();
        assertTrue(c.defocusU_A() - c.defocusV_A() > 500, "this seed draws a clear astigmatism: " + c);
        Ctf ctf = ctf(o, c);
        ComplexFrame spectrum = Fft.forward(movie.frame(0));
        for (double angle : new double[] {c.defocusAngle_deg(), c.defocusAngle_deg() + 90}) {
            double[] power = sector(spectrum, Math.toRadians(angle), Math.toRadians(8));
            double[] zeros = ctf.zeros(Math.toRadians(angle), 5);
            for (double k : zeros) {
                double expected = k * o.pixelSize_A() * SIZE;
                double found = minimumNear(power, expected, 2.5);
                assertEquals(expected, found, 0.5, "at " + angle + "°: zero at " + expected + ", minimum at " + found);
            }
        }
        // and the two directions differ by more than the tolerance: the test can tell U from V
        double u = ctf.zeros(Math.toRadians(c.defocusAngle_deg()), 3)[2] * o.pixelSize_A() * SIZE;
        double v = ctf.zeros(Math.toRadians(c.defocusAngle_deg() + 90), 3)[2] * o.pixelSize_A() * SIZE;
        assertTrue(Math.abs(u - v) > 2, u + " vs " + v);
    }

    private static Ctf ctf(SimulationOptions o, CtfTruth c) {
        return new Ctf(o.voltage_kV(), o.sphericalAberration_mm(), o.amplitudeContrast(), c.defocusU_A(),
                c.defocusV_A(), c.defocusAngle_deg(), c.phaseShift_deg(), c.bFactor_A2());
    }

    /** The sub-bin position of the smallest value within {@code reach} bins of {@code near}, refined by a parabola. */
    static double minimumNear(double[] p, double near, double reach) {
        int best = -1;
        for (int i = Math.max(1, (int) Math.ceil(near - reach)); i <= Math.min(p.length - 2, near + reach); i++) {
            if (best < 0 || p[i] < p[best]) {
                best = i;
            }
        }
        double a = p[best - 1];
        double b = p[best];
        double d = p[best + 1];
        double denom = a - 2 * b + d;
        return best + (denom > 0 ? 0.5 * (a - d) / denom : 0);
    }

    /** Mean power per integer radius (in 1/SIZE cycles/px) within {@code half} radians of {@code angle} (mod π). */
    static double[] sector(ComplexFrame f, double angle, double half) {
        int n = f.width() / 2;
        double[] sum = new double[n + 1];
        long[] count = new long[n + 1];
        for (int r = 0; r < f.height(); r++) {
            for (int c = 0; c < f.columns(); c++) {
                double kx = f.kx(c) * f.width();
                double ky = f.ky(r) * f.height();
                double radius = Math.hypot(kx, ky);
                int bin = (int) Math.round(radius);
                if (bin == 0 || bin > n) {
                    continue;
                }
                double d = Math.atan2(ky, kx) - angle;
                d = d - Math.PI * Math.round(d / Math.PI); // direction modulo 180°
                if (Math.abs(d) <= half) {
                    double re = f.re(c, r);
                    double im = f.im(c, r);
                    sum[bin] += re * re + im * im;
                    count[bin]++;
                }
            }
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            out.add(count[i] > 0 ? sum[i] / count[i] : Double.NaN);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
