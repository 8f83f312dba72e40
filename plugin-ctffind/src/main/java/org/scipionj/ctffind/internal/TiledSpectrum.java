package org.scipionj.ctffind.internal;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftPlan;
import org.scipionj.image.fft.Frequencies;

/**
 * The amplitude spectrum of a micrograph as CTFFIND computes it: the image is cut into square tiles that cover it
 * (leaving a margin of less than half a tile), each tile is mean-subtracted and tapered at its edges (a raised cosine over a tenth of its side, which keeps the
 * tile edges from drawing a cross through the spectrum), and the periodograms of the tiles are averaged (Welch's
 * method); the amplitude is the square root of that mean power. The tile side is chosen so that the central
 * {@code box x box} frequencies stand for a pixel size of at least {@code targetPixel_A}: this is CTFFIND 4.1's
 * resampling of micrographs with small pixels (fewer aliased Thon rings in the box, no lost information inside the
 * fitting range), done by cropping each tile's spectrum instead of resampling the whole micrograph. Stateless.
 */
final class TiledSpectrum {

    /** Fraction of the tile side tapered at each edge. */
    private static final double TAPER = 0.1;

    private TiledSpectrum() {
    }

    /**
     * @param image the micrograph
     * @param pixel_A its pixel size
     * @param box side of the spectrum to compute (CTFFIND's "size of amplitude spectrum"), even
     * @param targetPixel_A the pixel size the spectrum should stand for (at least {@code pixel_A})
     * @param workers threads for the tiles
     */
    static AmplitudeSpectrum of(Frame image, double pixel_A, int box, double targetPixel_A, Workers workers) {
        int w = image.width();
        int h = image.height();
        int side = Math.min(w, h) & ~1;
        if (side < 16) {
            throw new IllegalArgumentException("a " + w + "x" + h + " image is too small for a CTF estimate");
        }
        box = Math.min(box & ~1, side);
        int tile = fastSize((int) Math.ceil(box * Math.max(1.0, targetPixel_A / pixel_A)));
        if (tile > side) {
            tile = side;
        }
        int nx = count(w, tile);
        int ny = count(h, tile);
        int tiles = nx * ny;
        float[] window = taper(tile);
        FftPlan plan = Fft.plan(tile, tile);
        int threads = Math.min(workers.threads(), tiles);
        double[][] partial = new double[threads][box * box];
        final int t = tile;
        final int b = box;
        workers.forRange(threads, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                Frame work = new Frame(t, t);
                ComplexFrame spectrum = new ComplexFrame(t, t);
                for (int i = c; i < tiles; i += threads) {
                    int x0 = position(i % nx, nx, w, t);
                    int y0 = position(i / nx, ny, h, t);
                    cut(image, x0, y0, window, work);
                    plan.forward(work, spectrum);
                    accumulate(spectrum, b, partial[c]);
                }
            }
        });
        double energy = 0;
        for (float a : window) {
            energy += a * a;
        }
        double norm = 1.0 / (energy * energy * tiles); // NB: window energy of the 2D separable taper
        float[] out = new float[box * box];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (double[] p : partial) {
                sum += p[i];
            }
            out[i] = (float) Math.sqrt(sum * norm);
        }
        return new AmplitudeSpectrum(new Frame(box, box, out), pixel_A * tile / box, tiles);
    }

    /**
     * Tiles along a side of {@code length}: as many as fit best, so that they overlap a little or leave a margin of
     * less than half a tile in all (micrograph edges are the least useful part); but at least 3, overlapping, when
     * the side holds fewer than 2.5 tiles, so that small micrographs still average several periodograms (Welch).
     */
    private static int count(int length, int tile) {
        int n = (int) Math.round((double) length / tile);
        return length > tile ? Math.max(3, n) : 1;
    }

    /** Start of tile {@code i} of {@code n}: evenly spread and centred, inside the image. */
    private static int position(int i, int n, int length, int tile) {
        if (n * tile <= length) {
            int margin = (length - n * tile) / 2;
            return margin + i * tile;
        }
        return n == 1 ? (length - tile) / 2 : (int) Math.round((double) i * (length - tile) / (n - 1));
    }

    /** Copies the tile at (x0, y0) into {@code out}, mean subtracted and multiplied by the separable taper. */
    private static void cut(Frame image, int x0, int y0, float[] window, Frame out) {
        int t = out.width();
        float[] src = image.data();
        float[] dst = out.data();
        int w = image.width();
        double sum = 0;
        for (int y = 0; y < t; y++) {
            int row = (y0 + y) * w + x0;
            for (int x = 0; x < t; x++) {
                sum += src[row + x];
            }
        }
        float mean = (float) (sum / ((double) t * t));
        for (int y = 0; y < t; y++) {
            int row = (y0 + y) * w + x0;
            float wy = window[y];
            for (int x = 0; x < t; x++) {
                dst[y * t + x] = (src[row + x] - mean) * window[x] * wy;
            }
        }
    }

    /** Adds the power of the central box x box frequencies of {@code spectrum}, centred, to {@code acc}. */
    private static void accumulate(ComplexFrame spectrum, int box, double[] acc) {
        int t = spectrum.height();
        float[] d = spectrum.data();
        for (int y = 0; y < box; y++) {
            int ky = y - box / 2;
            int row = Frequencies.fftIndex(ky, t);
            int mirror = Frequencies.fftIndex(-ky, t);
            for (int x = 0; x < box; x++) {
                int kx = x - box / 2;
                int i = kx >= 0 ? spectrum.index(kx, row) : spectrum.index(-kx, mirror);
                acc[y * box + x] += (double) d[i] * d[i] + (double) d[i + 1] * d[i + 1];
            }
        }
    }

    /** 1 inside, a raised cosine over the outer {@link #TAPER} of each side. */
    static float[] taper(int n) {
        float[] w = new float[n];
        int edge = Math.max(1, (int) Math.round(n * TAPER));
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            w[i] = d >= edge ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / edge));
        }
        return w;
    }

    /**
     * The smallest size {@code >= n} of the form 2^a, 3·2^a, 5·2^a or 15·2^a (a >= 2): sizes the FFT does fastest
     * (measured: 864 = 2^5·27 costs 60 % more per element than 960 = 2^6·15, and 90 % more than 1024).
     */
    static int fastSize(int n) {
        int best = Integer.MAX_VALUE;
        for (int odd : new int[] {1, 3, 5, 15}) {
            long m = 4L * odd;
            while (m < n) {
                m *= 2;
            }
            best = (int) Math.min(best, m);
        }
        return best;
    }
}
