package org.scipionj.motioncorr.internal;

/**
 * The measured motion of one movie: per-frame global shifts of the aligned frames and, when patches were aligned,
 * the local model. The displacement of the specimen point {@code (x, y)} of the first aligned frame in movie frame
 * {@code f} is {@code global[f - alignFirst] + local(x, y, f - alignFirst)} (movie pixels, in the cropped frame).
 * Immutable.
 *
 * @param alignFirst movie index of the first aligned frame
 * @param global shifts {x, y} of each aligned frame, the first one {0, 0}
 * @param local the local model, or null
 */
record Motion(int alignFirst, double[][] global, LocalModel local) {

    /** The displacement field of one frame, ready for many evaluations. */
    Field field(int movieFrame) {
        int t = movieFrame - alignFirst;
        double[] g = global[t];
        double[][] w = local == null ? null : local.timeWeights(t);
        return new Field(g[0], g[1], w, local == null ? 1 : local.width(), local == null ? 1 : local.height());
    }

    /** One frame's displacement: global plus local at any point. */
    record Field(double gx, double gy, double[][] weights, int width, int height) {

        /** Writes {dx, dy} at {@code (x, y)} into {@code out}. */
        void at(double x, double y, double[] out) {
            double dx = gx;
            double dy = gy;
            if (weights != null) {
                double[] b = LocalModel.space(x / width - 0.5, y / height - 0.5);
                for (int j = 0; j < b.length; j++) {
                    dx += weights[0][j] * b[j];
                    dy += weights[1][j] * b[j];
                }
            }
            out[0] = dx;
            out[1] = dy;
        }
    }
}
