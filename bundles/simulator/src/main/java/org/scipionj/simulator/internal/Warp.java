package org.scipionj.simulator.internal;

import org.scipionj.simulator.LocalMotion;

/**
 * Applies the local deformation of one frame to an image that already carries the frame's global shift, by
 * cubic convolution (Keys 1981, IEEE Trans. ASSP 29, 1153-1160, a = -0.5), periodic at the borders. The output
 * pixel q shows the frame-0 point p with {@code q = p + g + L(p)}; p is found by three fixed-point steps (on a
 * 16-pixel grid, interpolated bilinearly)
 * {@code p <- q - g - L(p)} (the field is smooth, so the error is far below 0.001 px), and the input (already
 * shifted by g) is read at {@code q - L(p)}. Stateless.
 */
final class Warp {

    private static final double A = -0.5;

    private Warp() {
    }

    /** Spacing in pixels of the grid the inverse displacement is computed on. */
    private static final int GRID = 16;

    /** Writes the deformed {@code src} into {@code dst}; both {@code width * height}, row by row. */
    static void apply(float[] src, float[] dst, int width, int height, LocalMotion local, int frame, double gx,
                      double gy) {
        double[][] w = local.basisWeights(frame);
        // NB: the field is a quadratic of at most a few pixels: computed on a 16-px grid and interpolated
        // bilinearly, its error is below 1e-4 px, and the per-pixel cost is two lerps instead of the fixed point.
        int gw = width / GRID + 2;
        int gh = height / GRID + 2;
        double[] lx = new double[gw * gh];
        double[] ly = new double[gw * gh];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                double[] l = inverse(w, width, height, i * GRID, j * GRID, gx, gy);
                lx[j * gw + i] = l[0];
                ly[j * gw + i] = l[1];
            }
        }
        Loops.forRows(height, (y0, y1) -> {
            double[] kx = new double[4];
            double[] ky = new double[4];
            for (int y = y0; y < y1; y++) {
                int j = y / GRID;
                double fy = (double) (y - j * GRID) / GRID;
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    int i = x / GRID;
                    double fx = (double) (x - i * GRID) / GRID;
                    int g = j * gw + i;
                    double dx = (1 - fy) * ((1 - fx) * lx[g] + fx * lx[g + 1])
                            + fy * ((1 - fx) * lx[g + gw] + fx * lx[g + gw + 1]);
                    double dy = (1 - fy) * ((1 - fx) * ly[g] + fx * ly[g + 1])
                            + fy * ((1 - fx) * ly[g + gw] + fx * ly[g + gw + 1]);
                    dst[row + x] = sample(src, width, height, x - dx, y - dy, kx, ky);
                }
            }
        });
    }

    /** {@code L(p)} for the output pixel q = (x, y), with p the fixed point of {@code p = q - g - L(p)}. */
    static double[] inverse(double[][] w, int width, int height, double x, double y, double gx, double gy) {
        double[] wx = w[0];
        double[] wy = w[1];
        double px = x - gx;
        double py = y - gy;
        double lx = 0;
        double ly = 0;
        for (int it = 0; it < 3; it++) {
            double u = px / width - 0.5;
            double v = py / height - 0.5;
            double b2 = u * u - 1.0 / 12;
            double b3 = v * v - 1.0 / 12;
            double b4 = u * v;
            lx = wx[0] * u + wx[1] * v + wx[2] * b2 + wx[3] * b3 + wx[4] * b4;
            ly = wy[0] * u + wy[1] * v + wy[2] * b2 + wy[3] * b3 + wy[4] * b4;
            px = x - gx - lx;
            py = y - gy - ly;
        }
        return new double[] {lx, ly};
    }

    /** The cubic-convolution value of {@code src} at (sx, sy), periodic. */
    static float sample(float[] src, int width, int height, double sx, double sy, double[] kx, double[] ky) {
        int ix = (int) Math.floor(sx);
        int iy = (int) Math.floor(sy);
        double fx = sx - ix;
        double fy = sy - iy;
        double x0 = far(1 + fx);
        double x1 = near(fx);
        double x2 = near(1 - fx);
        double x3 = far(2 - fx);
        if (ix >= 1 && ix + 2 < width && iy >= 1 && iy + 2 < height) {
            int i = (iy - 1) * width + ix - 1;
            double r0 = x0 * src[i] + x1 * src[i + 1] + x2 * src[i + 2] + x3 * src[i + 3];
            i += width;
            double r1 = x0 * src[i] + x1 * src[i + 1] + x2 * src[i + 2] + x3 * src[i + 3];
            i += width;
            double r2 = x0 * src[i] + x1 * src[i + 1] + x2 * src[i + 2] + x3 * src[i + 3];
            i += width;
            double r3 = x0 * src[i] + x1 * src[i + 1] + x2 * src[i + 2] + x3 * src[i + 3];
            return (float) (far(1 + fy) * r0 + near(fy) * r1 + near(1 - fy) * r2 + far(2 - fy) * r3);
        }
        kx[0] = x0;
        kx[1] = x1;
        kx[2] = x2;
        kx[3] = x3;
        ky[0] = far(1 + fy);
        ky[1] = near(fy);
        ky[2] = near(1 - fy);
        ky[3] = far(2 - fy);
        double sum = 0;
        for (int j = 0; j < 4; j++) {
            int row = Math.floorMod(iy - 1 + j, height) * width;
            double r = 0;
            for (int i = 0; i < 4; i++) {
                r += kx[i] * src[row + Math.floorMod(ix - 1 + i, width)];
            }
            sum += ky[j] * r;
        }
        return (float) sum;
    }

    private static double near(double d) {
        return ((A + 2) * d - (A + 3)) * d * d + 1;
    }

    private static double far(double d) {
        return ((A * d - 5 * A) * d + 8 * A) * d - 4 * A;
    }
}
