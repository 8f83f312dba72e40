package org.scipionj.eman.internal;

import java.util.List;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.FourierFilters;
import org.scipionj.image.process.RealSpace;

/**
 * The native template-free picker (EMAN2's "local search" / "gauss" boxers), a Gaussian blob detector on the local
 * power of the band-passed micrograph:
 * <ol>
 * <li>the micrograph is binned by an integer factor so that a particle is 16-32 px across ({@link
 * PickerSettings#binning()}) and its mean removed;</li>
 * <li>band-pass at the particle size: a difference of Gaussians {@code G(σ1) - G(σ2)}, {@code σ1 = 0.1 D w},
 * {@code σ2 = 0.3 D w} (D the binned diameter, w {@link PickerSettings#widthFactor()}), which keeps the particle's
 * internal density and removes ice gradients;</li>
 * <li>local power: the band-passed image squared, smoothed by a Gaussian of {@code σ3 = 0.15 D w}, so a particle
 * becomes one blob whatever the sign of its contrast (the CTF makes a cryo-EM particle a pattern of dark and light
 * fringes, not a dark disc);</li>
 * <li>scores are the map's values above its median in units of the background's spread (median minus the 15.9th
 * percentile, which particles, being brighter in this map, do not inflate); local maxima above the threshold are
 * kept, refined to sub-pixel positions and thinned by {@link PeakSelection} (non-maximum suppression, border,
 * contamination).</li>
 * </ol>
 * Thread-safe (no state besides the settings); the FFTs use {@link Fft#threads()} threads.
 */
public final class BlobPicker implements Picker {

    static final double SIGMA_SMALL = 0.1;
    static final double SIGMA_LARGE = 0.3;
    static final double SIGMA_POWER = 0.15;

    private final PickerSettings settings;

    public BlobPicker(PickerSettings settings) {
        this.settings = settings;
    }

    /** The picks on {@code micrograph}, best score first. */
    @Override
    public List<Pick> pick(Frame micrograph) {
        int f = settings.binning();
        Frame binned = f > 1 ? RealSpace.bin(micrograph, f) : micrograph.copy();
        Frame map = powerMap(binned, settings.diameter_px() / f, settings.widthFactor());
        return new PeakSelection(settings, micrograph.width(), micrograph.height(), f).select(map, binned);
    }

    /** The smoothed local power of the band-passed image (a new frame; {@code binned} is kept). */
    static Frame powerMap(Frame binned, double diameter, double width) {
        float[] d = binned.data();
        double mean = 0;
        for (float v : d) {
            mean += v;
        }
        float m = (float) (mean / d.length);
        Frame work = new Frame(binned.width(), binned.height());
        float[] w = work.data();
        for (int i = 0; i < d.length; i++) {
            w[i] = d[i] - m;
        }
        double a1 = gaussian(SIGMA_SMALL * diameter * width);
        double a2 = gaussian(SIGMA_LARGE * diameter * width);
        ComplexFrame s = Fft.forward(work);
        FourierFilters.apply(s, (kx, ky) -> {
            double k2 = kx * kx + ky * ky;
            return Math.exp(a1 * k2) - Math.exp(a2 * k2);
        });
        Fft.plan(work.width(), work.height()).inverseOverwriting(s, work);
        for (int i = 0; i < w.length; i++) {
            w[i] *= w[i];
        }
        return FourierFilters.gaussianBlur(work, SIGMA_POWER * diameter * width);
    }

    /** The exponent factor of a real-space Gaussian of {@code sigma} px in Fourier space: {@code -2 π² σ²}. */
    private static double gaussian(double sigma) {
        return -2 * Math.PI * Math.PI * sigma * sigma;
    }
}
