package org.scipionj.ctffind.internal;

/**
 * Mean over a square window of odd side, in time independent of the side (summed-area table); near the edges the
 * window is clipped to the image and the mean taken over what remains. Stateless.
 */
final class BoxFilter {

    private BoxFilter() {
    }

    /** The {@code side x side} box mean of the {@code width x height} row-major {@code in}. */
    static float[] mean(float[] in, int width, int height, int side) {
        int r = side / 2;
        int w1 = width + 1;
        double[] table = new double[w1 * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += in[y * width + x];
                table[(y + 1) * w1 + x + 1] = table[y * w1 + x + 1] + row;
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(height, y + r + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(width, x + r + 1);
                double sum = table[y1 * w1 + x1] - table[y0 * w1 + x1] - table[y1 * w1 + x0] + table[y0 * w1 + x0];
                out[y * width + x] = (float) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }
}
