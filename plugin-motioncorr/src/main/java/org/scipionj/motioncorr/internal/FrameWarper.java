package org.scipionj.motioncorr.internal;

/**
 * Resamples a frame at positions displaced by a smooth field, tile by tile: within a {@value #TILE_W} x
 * {@value #TILE_H} tile the displacement is taken at the tile centre (the fields here change by a few hundredths of a
 * pixel over a tile), so the sub-pixel part is the same for the whole tile and the interpolation is separable, with
 * Lanczos-3 weights (6 taps per axis, normalised): one horizontal and one vertical pass. Lanczos-3 keeps at least
 * 92 % of the amplitude up to a third of the sampling frequency at every sub-pixel offset (cubic: 70 %). Outside the
 * frame the edge pixels are repeated. Stateless, thread-safe.
 *
 * <p>{@code out(x, y) = in(x + dx, y + dy)} with {@code (dx, dy)} the displacement of the specimen from the
 * reference frame to this one, so the output is the frame moved back onto the reference.
 */
final class FrameWarper {

    /** Tile width: long rows keep the inner loops vectorised. */
    static final int TILE_W = 128;
    /** Tile height. */
    static final int TILE_H = 32;
    static final int TAPS = 6;
    private static final int BEFORE = TAPS / 2 - 1;

    private FrameWarper() {
    }

    /** Lanczos-3 weights for a source position with fractional part {@code f} in [0, 1). */
    static void weights(double f, float[] w) {
        double sum = 0;
        double[] v = new double[TAPS];
        for (int k = 0; k < TAPS; k++) {
            double d = k - BEFORE - f;
            v[k] = lanczos(d);
            sum += v[k];
        }
        for (int k = 0; k < TAPS; k++) {
            w[k] = (float) (v[k] / sum);
        }
    }

    static double lanczos(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-9) {
            return 1;
        }
        if (ax >= 3) {
            return 0;
        }
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }

    /**
     * Warps the tile at {@code (tx0, ty0)} of size {@code tw x th} with one displacement {@code (dx, dy)} into
     * {@code out} ({@code tw * th} values, row by row). {@code scratch} holds at least
     * {@code (th + TAPS - 1) * tw} floats; {@code wx, wy} at least {@link #TAPS}.
     */
    static void tile(float[] in, int width, int height, int tx0, int ty0, int tw, int th, double dx, double dy,
                     float[] out, float[] scratch, float[] wx, float[] wy) {
        double sx = dx;
        double sy = dy;
        int ix = (int) Math.floor(sx);
        int iy = (int) Math.floor(sy);
        weights(sx - ix, wx);
        weights(sy - iy, wy);
        int rows = th + TAPS - 1;
        int firstCol = tx0 + ix - BEFORE;
        boolean inside = firstCol >= 0 && firstCol + tw + TAPS - 1 <= width;
        float w0 = wx[0];
        float w1 = wx[1];
        float w2 = wx[2];
        float w3 = wx[3];
        float w4 = wx[4];
        float w5 = wx[5];
        for (int r = 0; r < rows; r++) {
            int sr = Math.max(0, Math.min(height - 1, ty0 + iy - BEFORE + r));
            int base = sr * width;
            int o = r * tw;
            if (inside) {
                int s = base + firstCol;
                for (int x = 0; x < tw; x++) {
                    int i = s + x;
                    scratch[o + x] = w0 * in[i] + w1 * in[i + 1] + w2 * in[i + 2] + w3 * in[i + 3] + w4 * in[i + 4]
                            + w5 * in[i + 5];
                }
            } else {
                for (int x = 0; x < tw; x++) {
                    float acc = 0;
                    for (int k = 0; k < TAPS; k++) {
                        int c = Math.max(0, Math.min(width - 1, firstCol + x + k));
                        acc += wx[k] * in[base + c];
                    }
                    scratch[o + x] = acc;
                }
            }
        }
        // NB: the scratch rows are contiguous, so the vertical pass is one long loop over the whole tile
        int n = th * tw;
        float v0 = wy[0];
        float v1 = wy[1];
        float v2 = wy[2];
        float v3 = wy[3];
        float v4 = wy[4];
        float v5 = wy[5];
        int t2 = 2 * tw;
        int t3 = 3 * tw;
        int t4 = 4 * tw;
        int t5 = 5 * tw;
        for (int i = 0; i < n; i++) {
            out[i] = v0 * scratch[i] + v1 * scratch[i + tw] + v2 * scratch[i + t2] + v3 * scratch[i + t3]
                    + v4 * scratch[i + t4] + v5 * scratch[i + t5];
        }
    }

    /** {@code dst[d..d+n) = a * src[s..s+n)}. */
    static void scale(float[] src, int s, float a, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            dst[d + i] = a * src[s + i];
        }
    }

    /** {@code dst[d..d+n) += a * src[s..s+n)}. */
    static void axpy(float[] src, int s, float a, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            dst[d + i] += a * src[s + i];
        }
    }
}
