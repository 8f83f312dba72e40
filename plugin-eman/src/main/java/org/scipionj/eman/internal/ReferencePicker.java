package org.scipionj.eman.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.FourierFilters;
import org.scipionj.image.process.FourierResize;
import org.scipionj.image.process.RealSpace;

/**
 * Picking "by reference" (EMAN2's {@code auto_ref}): the micrograph, binned as for {@link BlobPicker} and
 * band-passed (Gaussian sigmas 0.05 and 0.5 particle diameters), is cross-correlated with every reference rotated
 * in steps of {@code angularStep} degrees (each binned alike, masked to the particle's circle, mean 0, unit energy);
 * each pixel keeps its best correlation over references and angles, and that map goes through
 * {@link PeakSelection} as the blob picker's does. References must have the micrograph's contrast and pixel size.
 * Thread-safe: the prepared references are immutable.
 */
final class ReferencePicker implements Picker {

    private final PickerSettings settings;
    private final List<Frame> rotated;

    ReferencePicker(List<Frame> references, PickerSettings settings, double angularStep) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("picking by reference needs at least one reference image");
        }
        this.settings = settings;
        int f = settings.binning();
        double radius = settings.diameter_px() / f / 2;
        int steps = Math.max(1, (int) Math.round(360 / Math.max(1, angularStep)));
        List<Frame> all = new ArrayList<>();
        for (Frame ref : references) {
            Frame b = f > 1 ? FourierResize.resize(ref, Math.max(2, ref.width() / f), Math.max(2, ref.height() / f))
                    : ref.copy();
            for (int a = 0; a < steps; a++) {
                all.add(masked(rotate(b, 2 * Math.PI * a / steps), radius));
            }
        }
        this.rotated = List.copyOf(all);
    }

    @Override
    public List<Pick> pick(Frame micrograph) {
        int f = settings.binning();
        Frame binned = f > 1 ? RealSpace.bin(micrograph, f) : micrograph.copy();
        int w = binned.width();
        int h = binned.height();
        double d = settings.diameter_px() / f;
        double a1 = -2 * Math.PI * Math.PI * Math.pow(0.05 * d, 2);
        double a2 = -2 * Math.PI * Math.PI * Math.pow(0.5 * d, 2);
        ComplexFrame m = Fft.forward(binned);
        FourierFilters.apply(m, (kx, ky) -> {
            double k2 = kx * kx + ky * ky;
            return Math.exp(a1 * k2) - Math.exp(a2 * k2);
        });
        float[] best = new float[w * h];
        java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
        Frame cc = new Frame(w, h);
        for (Frame t : rotated) {
            ComplexFrame ts = Fft.forward(wrapped(t, w, h));
            float[] md = m.data();
            float[] td = ts.data();
            for (int i = 0; i < md.length; i += 2) {
                float re = md[i] * td[i] + md[i + 1] * td[i + 1];
                float im = md[i + 1] * td[i] - md[i] * td[i + 1];
                td[i] = re;
                td[i + 1] = im;
            }
            Fft.plan(w, h).inverseOverwriting(ts, cc);
            float[] c = cc.data();
            for (int i = 0; i < c.length; i++) {
                if (c[i] > best[i]) {
                    best[i] = c[i];
                }
            }
        }
        return new PeakSelection(settings, micrograph.width(), micrograph.height(), f)
                .select(new Frame(w, h, best), binned);
    }

    /** {@code t} (centred at its pixel {@code (n/2, n/2)}) placed in a {@code w x h} frame centred at (0, 0). */
    private static Frame wrapped(Frame t, int w, int h) {
        Frame out = new Frame(w, h);
        int cx = t.width() / 2;
        int cy = t.height() / 2;
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                out.set(Math.floorMod(x - cx, w), Math.floorMod(y - cy, h), t.get(x, y));
            }
        }
        return out;
    }

    /** {@code image} rotated by {@code angle} radians about pixel {@code (n/2, n/2)}, bilinear, zero outside. */
    static Frame rotate(Frame image, double angle) {
        int w = image.width();
        int h = image.height();
        Frame out = new Frame(w, h);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double cx = w / 2;
        double cy = h / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = c * (x - cx) + s * (y - cy) + cx;
                double sy = -s * (x - cx) + c * (y - cy) + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
                    continue;
                }
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fx) * (1 - fy) * image.get(x0, y0) + fx * (1 - fy) * image.get(x0 + 1, y0)
                        + (1 - fx) * fy * image.get(x0, y0 + 1) + fx * fy * image.get(x0 + 1, y0 + 1);
                out.set(x, y, (float) v);
            }
        }
        return out;
    }

    /** The circle of {@code radius} around the centre, mean 0 and unit energy inside, zero outside. */
    static Frame masked(Frame image, double radius) {
        int w = image.width();
        int h = image.height();
        double r2 = radius * radius;
        double sum = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - w / 2;
                double dy = y - h / 2;
                if (dx * dx + dy * dy <= r2) {
                    sum += image.get(x, y);
                    n++;
                }
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        Frame out = new Frame(w, h);
        double energy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - w / 2;
                double dy = y - h / 2;
                if (dx * dx + dy * dy <= r2) {
                    double v = image.get(x, y) - mean;
                    out.set(x, y, (float) v);
                    energy += v * v;
                }
            }
        }
        float scale = energy > 0 ? (float) (1 / Math.sqrt(energy)) : 0;
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= scale;
        }
        return out;
    }
}
