package org.scipionj.image.io;

import java.io.IOException;

/** Test helper: statistics over every frame of a reader, in double precision. */
final class Stats {

    private Stats() {
    }

    /** {mean, population std, min, max} of all pixels of all frames. */
    static double[] meanStd(MovieReader r) throws IOException {
        float[] buf = new float[r.width() * r.height()];
        double sum = 0;
        double sumSq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (int z = 0; z < r.frames(); z++) {
            r.readFrame(z, buf);
            for (float v : buf) {
                sum += v;
                sumSq += (double) v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), min, max};
    }
}
