package org.scipionj.motioncorr.internal;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.process.FourierResize;

/**
 * Pass 1 over a movie: each aligned frame is read, corrected, binned in real space by {@link #realBin} when it is
 * larger than 2048 pixels and Fourier-transformed, its mean removed (the zero frequency set to 0); the spectrum is
 * then cropped in Fourier space by a whole factor to at most {@value #MAX_GRID} pixels a side. The spectra are kept
 * for the global and the patch alignment; the full-size frames are not (pass 2 reads them again for the sums).
 *
 * <p>Why the crop: the global alignment never used more than {@value #MAX_GRID} pixels ({@link GlobalAlignment}), and
 * aligning the patches of a 4096² movie at 1024² instead of 2048² costs a quarter of the transforms and correlations
 * (the frequencies dropped, 1/8 to 1/4 per movie pixel, carry at most 56 % weight through the local B-factor). Measured
 * on a falcon4 movie (plugin README), the local model even came out better (field error 0.132 px against 0.186 px):
 * the patches' cross-validated prior keeps more of the model when the patches hold less noise.
 *
 * <p>Memory: one spectrum of the grid per aligned frame ({@code 513 x 1024} complex floats, 4.2 MB, for a 4096²
 * movie). Not thread-safe after construction except for reading.
 */
final class AlignmentData {

    /** Largest side of the grid the alignment works on. */
    static final int MAX_GRID = 1024;

    private final int bin;
    private final int realBin;
    private final int width;
    private final int height;
    private final ComplexFrame[] spectra;
    private final double[] means;

    private AlignmentData(int bin, int realBin, int width, int height, ComplexFrame[] spectra, double[] means) {
        this.bin = bin;
        this.realBin = realBin;
        this.width = width;
        this.height = height;
        this.spectra = spectra;
        this.means = means;
    }

    /**
     * The binning in real space: none up to 2048 pixels a side, then the smallest integer that brings the longer side
     * to 2048 or less. Low-dose frames need every frequency the B-factor filters pass, so small frames are never
     * binned.
     */
    static int alignmentBin(AlignSettings s, int width, int height) {
        return Math.max(1, (int) Math.ceil(Math.max(width, height) / 2048.0));
    }

    /**
     * The Fourier crop factor of a {@code width x height} binned frame: the smallest whole factor that brings it to
     * {@value #MAX_GRID} pixels or less, when it divides both sides; otherwise none.
     */
    static int cropFactor(int width, int height) {
        int c = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) MAX_GRID));
        return width % c == 0 && height % c == 0 ? c : 1;
    }

    /** Reads, bins and transforms the aligned frames of {@code frames} (pass 1). */
    static AlignmentData read(MovieFrames frames, AlignSettings s, Workers workers, Timings timings)
            throws Exception {
        int bin = alignmentBin(s, frames.width(), frames.height());
        int bw = frames.width() / bin;
        int bh = frames.height() / bin;
        int crop = cropFactor(bw, bh);
        int gw = bw / crop;
        int gh = bh / crop;
        int n = s.alignedFrames();
        ComplexFrame[] spectra = new ComplexFrame[n];
        double[] means = new double[n];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[frames.bufferSize()]);
        ThreadLocal<Frame> binnedBuffers = ThreadLocal.withInitial(() -> new Frame(bw, bh));
        // NB: a cropped spectrum is a new array, so the full-size one can be a per-thread buffer
        ThreadLocal<ComplexFrame> fullSpectra = ThreadLocal.withInitial(() -> new ComplexFrame(bw, bh));
        long start = System.nanoTime();
        workers.forEach(n, i -> {
            float[] buffer = buffers.get();
            frames.read(s.alignFirst() + i, buffer, timings);
            long b0 = Timings.cpu();
            Frame binned = bin(buffer, frames.width(), frames.height(), bin, binnedBuffers.get());
            ComplexFrame spectrum = crop == 1 ? new ComplexFrame(bw, bh) : fullSpectra.get();
            long f0 = Timings.cpu();
            Fft.plan(bw, bh).forward(binned, spectrum);
            // NB: removing the mean is zeroing the zero frequency, so the spectrum gives it for free
            means[i] = spectrum.re(0, 0) / ((double) bw * bh);
            spectrum.set(0, 0, 0f, 0f);
            spectra[i] = crop == 1 ? spectrum : FourierResize.resize(spectrum, gw, gh);
            timings.add("  of which bin (CPU)", f0 - b0);
            timings.add("  of which FFT (CPU)", Timings.cpu() - f0);
        });
        timings.add("pass 1: read, correct, bin, FFT", System.nanoTime() - start);
        return new AlignmentData(bin * crop, bin, gw, gh, spectra, means);
    }

    /**
     * The first {@code width x height} values of {@code buffer} binned by {@code bin} (block averages; leftover edge
     * pixels dropped, as {@code RealSpace.bin}) into a new frame. Rows are summed with vectorisable loops first.
     */
    static Frame bin(float[] buffer, int width, int height, int bin) {
        return bin(buffer, width, height, bin, new Frame(width / bin, height / bin));
    }

    /** As above, into {@code out} ({@code width / bin x height / bin}), which is returned. */
    static Frame bin(float[] buffer, int width, int height, int bin, Frame out) {
        if (bin == 1) {
            System.arraycopy(buffer, 0, out.data(), 0, width * height);
            return out;
        }
        int bw = width / bin;
        int bh = height / bin;
        float[] o = out.data();
        float[] rows = new float[width];
        if (bin == 2) {
            // NB: the common case (4096 -> 2048): the two source rows are added in one vectorisable loop, then pairs
            for (int y = 0; y < bh; y++) {
                int r0 = 2 * y * width;
                int r1 = r0 + width;
                for (int x = 0; x < width; x++) {
                    rows[x] = buffer[r0 + x] + buffer[r1 + x];
                }
                int base = y * bw;
                for (int x = 0; x < bw; x++) {
                    o[base + x] = (rows[2 * x] + rows[2 * x + 1]) * 0.25f;
                }
            }
            return out;
        }
        float norm = 1f / (bin * bin);
        for (int y = 0; y < bh; y++) {
            System.arraycopy(buffer, y * bin * width, rows, 0, width);
            for (int dy = 1; dy < bin; dy++) {
                FrameWarper.axpy(buffer, (y * bin + dy) * width, 1f, rows, 0, width);
            }
            int base = y * bw;
            for (int x = 0; x < bw; x++) {
                float s = 0;
                for (int dx = 0; dx < bin; dx++) {
                    s += rows[x * bin + dx];
                }
                o[base + x] = s * norm;
            }
        }
        return out;
    }

    /** Movie pixels per grid pixel (real-space binning times the Fourier crop). */
    int bin() {
        return bin;
    }

    /**
     * Movie coordinate of the centre of grid pixel 0: real-space binning averages {@code realBin} pixels, and a
     * Fourier crop keeps the sampling origin.
     */
    double origin() {
        return (realBin - 1) / 2.0;
    }

    /** Grid width. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Number of aligned frames. */
    int frames() {
        return spectra.length;
    }

    /** Spectrum of aligned frame {@code i} (index within the aligned range); do not change it. */
    ComplexFrame spectrum(int i) {
        return spectra[i];
    }

    /** Mean of aligned frame {@code i} (its binned pixels) before it was removed. */
    double mean(int i) {
        return means[i];
    }

    /** Lets the spectra be collected. */
    void release() {
        java.util.Arrays.fill(spectra, null);
    }
}
