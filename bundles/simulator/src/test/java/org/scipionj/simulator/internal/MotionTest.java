package org.scipionj.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scipionj.image.Frame;
import org.scipionj.image.process.CrossCorrelation;
import org.scipionj.image.process.FourierShift;
import org.scipionj.image.process.Shift;
import org.scipionj.simulator.LocalMotion;
import org.scipionj.simulator.MotionTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/** Shifts measured on noise-free frames match the recorded ones, with the recorded sign and reference frame. */
class MotionTest {

    private static SimulationOptions.Builder noiseFree(int size, int frames) {
        return SimulationOptions.builder(Preset.SMALL).size(size, size).frames(frames).noise(false)
                .format(OutputFormat.MRC_FLOAT32).gain(false).particles(4).particleDiameter_A(50);
    }

    @Test
    void phaseCorrelationRecoversTheGlobalShifts() throws Exception {
        SimulationOptions o = noiseFree(256, 8).drift_px(12).localMotion_px(0).build();
        Rendered movie = Rendered.of(o);
        MotionTruth m = movie.truth().motion();
        assertEquals("frame 0", m.reference());
        assertEquals(0, m.shiftX_px()[0]);
        assertEquals(0, m.shiftY_px()[0]);
        double largest = 0;
        for (int t = 1; t < o.frames(); t++) {
            Shift s = CrossCorrelation.shift(movie.frame(0), movie.frame(t), CrossCorrelation.Options.PHASE);
            assertEquals(m.shiftX_px()[t], s.dx(), 0.05, "x shift of frame " + t);
            assertEquals(m.shiftY_px()[t], s.dy(), 0.05, "y shift of frame " + t);
            largest = Math.max(largest, Math.hypot(s.dx(), s.dy()));
        }
        assertTrue(largest > 5, "the drift is large enough to tell the sign: " + largest);
    }

    @Test
    void applyingTheOppositeShiftAlignsAFrameOntoFrameZero() throws Exception {
        SimulationOptions o = noiseFree(128, 4).drift_px(6).localMotion_px(0).build();
        Rendered movie = Rendered.of(o);
        MotionTruth m = movie.truth().motion();
        Frame aligned = FourierShift.shift(movie.frame(3), -m.shiftX_px()[3], -m.shiftY_px()[3]);
        float[] a = aligned.data();
        float[] f0 = movie.frame(0).data();
        double err = 0;
        double var = 0;
        for (int i = 0; i < a.length; i++) {
            err += (a[i] - f0[i]) * (a[i] - f0[i]);
            var += (f0[i] - 1) * (f0[i] - 1);
        }
        assertTrue(err < 1e-6 * var, "residual " + err + " against signal " + var);
    }

    @Test
    void patchShiftsFollowTheLocalMotionModel() throws Exception {
        int size = 1024;
        SimulationOptions o = noiseFree(size, 4).drift_px(5).localMotion_px(3).particles(40).build();
        Rendered movie = Rendered.of(o);
        MotionTruth m = movie.truth().motion();
        LocalMotion local = m.local();
        int last = o.frames() - 1;
        // remove the global shift exactly, then measure what is left patch by patch
        Frame residual = FourierShift.shift(movie.frame(last), -m.shiftX_px()[last], -m.shiftY_px()[last]);
        int patch = 128;
        double largestLocal = 0;
        for (int cy = patch; cy < size; cy += 2 * patch) {
            for (int cx = patch; cx < size; cx += 2 * patch) {
                double[] s = patchShift(movie.frame(0), residual, cx, cy, patch);
                double[] l = local.displacement(cx, cy, last);
                largestLocal = Math.max(largestLocal, Math.hypot(l[0], l[1]));
                assertEquals(l[0], s[0], 0.05, "local x at (" + cx + ", " + cy + ")");
                assertEquals(l[1], s[1], 0.05, "local y at (" + cx + ", " + cy + ")");
                double[] d = m.displacement(cx, cy, last);
                assertEquals(m.shiftX_px()[last] + l[0], d[0], 1e-12);
                assertEquals(m.shiftY_px()[last] + l[1], d[1], 1e-12);
            }
        }
        assertTrue(largestLocal > 0.5, "the local motion is large enough to be measured: " + largestLocal);
    }

    @Test
    void localMotionIsZeroAtFrameZeroAndHasZeroMeanOverTheFrame() {
        LocalMotion l = Motions.localMotion(400, 300, 10, 2.0, Seeds.random(42));
        double sx = 0;
        double sy = 0;
        double largest = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                assertEquals(0, l.displacement(x, y, 0)[0]);
                double[] d = l.displacement(x, y, 9);
                sx += d[0];
                sy += d[1];
                largest = Math.max(largest, Math.hypot(d[0], d[1]));
            }
        }
        assertEquals(0, sx / 120000, 0.01);
        assertEquals(0, sy / 120000, 0.01);
        assertTrue(largest > 1.5 && largest < 2.5, "scaled to about 2 px: " + largest);
    }

    /**
     * The shift of {@code b} against {@code a} in the patch around (cx, cy), refined twice by moving {@code b} back by
     * the estimate and measuring again: a fixed window biases one measurement towards zero by a few percent, but
     * only a few percent of what is left after the first.
     */
    static double[] patchShift(Frame a, Frame b, int cx, int cy, int size) {
        Frame reference = crop(a, cx, cy, size);
        Frame region = new Frame(2 * size, 2 * size);
        for (int y = 0; y < 2 * size; y++) {
            for (int x = 0; x < 2 * size; x++) {
                region.set(x, y, b.get(cx - size + x, cy - size + y));
            }
        }
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < 3; i++) {
            Frame moved = i == 0 ? region : FourierShift.shift(region, -dx, -dy);
            Shift s = CrossCorrelation.shift(reference, crop(moved, size, size, size), CrossCorrelation.Options.PHASE);
            dx += s.dx();
            dy += s.dy();
        }
        return new double[] {dx, dy};
    }

    /** A {@code size x size} crop centred on (cx, cy), tapered by a cosine edge so that it is periodic. */
    static Frame crop(Frame f, int cx, int cy, int size) {
        Frame out = new Frame(size, size);
        int taper = size / 8;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double w = edge(x, size, taper) * edge(y, size, taper);
                out.set(x, y, (float) (w * (f.get(cx - size / 2 + x, cy - size / 2 + y) - 1)));
            }
        }
        return out;
    }

    private static double edge(int i, int n, int taper) {
        int d = Math.min(i, n - 1 - i);
        return d >= taper ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * d / taper);
    }
}
