package org.scipionj.simulator;

/**
 * The smooth local deformation of a movie, MotionCor2's time-polynomial model (Zheng et al. 2017, Nat. Methods
 * 14, 331-332, Online Methods) with centred, normalised coordinates. The local displacement, in pixels, of the
 * specimen point that is at {@code (x, y)} in frame 0 is, in frame {@code t}:
 *
 * <pre>
 * Lx(x, y, t) = sum_{i=1..3} sum_{j=1..5} coefficientsX_px[i-1][j-1] * τ^i * b_j(u, v)     (Ly likewise)
 * τ = t / (frames - 1)           (0 for a single frame)
 * u = x / width - 0.5,  v = y / height - 0.5
 * b = (u, v, u² - 1/12, v² - 1/12, u·v)
 * </pre>
 *
 * The basis has zero mean over the frame and every term is zero at {@code t = 0}, so the local part neither moves
 * frame 0 nor shifts the frame as a whole: the whole-frame motion is {@link MotionTruth}'s global shift. Same sign
 * convention as the global shifts: the displacement of the specimen, not the correction. All coefficients zero:
 * no local motion. Immutable (the arrays are copied in and out).
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param frames number of frames
 * @param coefficientsX_px 3 x 5 coefficients of the x displacement (rows: τ, τ², τ³; columns: the basis b)
 * @param coefficientsY_px 3 x 5 coefficients of the y displacement
 */
public record LocalMotion(int width, int height, int frames, double[][] coefficientsX_px,
                          double[][] coefficientsY_px) {

    /** Powers of τ in the model. */
    public static final int TIME_TERMS = 3;
    /** Spatial basis functions in the model. */
    public static final int SPACE_TERMS = 5;

    public LocalMotion {
        coefficientsX_px = copy(coefficientsX_px);
        coefficientsY_px = copy(coefficientsY_px);
    }

    /** No local motion. */
    public static LocalMotion none(int width, int height, int frames) {
        return new LocalMotion(width, height, frames, new double[TIME_TERMS][SPACE_TERMS],
                new double[TIME_TERMS][SPACE_TERMS]);
    }

    @Override
    public double[][] coefficientsX_px() {
        return copy(coefficientsX_px);
    }

    @Override
    public double[][] coefficientsY_px() {
        return copy(coefficientsY_px);
    }

    /** True when every coefficient is zero. */
    public boolean isNone() {
        for (int i = 0; i < TIME_TERMS; i++) {
            for (int j = 0; j < SPACE_TERMS; j++) {
                if (coefficientsX_px[i][j] != 0 || coefficientsY_px[i][j] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The local displacement {@code {Lx, Ly}} in pixels of the frame-0 point {@code (x, y)} in frame {@code t}. */
    public double[] displacement(double x, double y, double t) {
        double tau = frames > 1 ? t / (frames - 1) : 0;
        double u = x / width - 0.5;
        double v = y / height - 0.5;
        double[] b = {u, v, u * u - 1.0 / 12, v * v - 1.0 / 12, u * v};
        double dx = 0;
        double dy = 0;
        double p = 1;
        for (int i = 0; i < TIME_TERMS; i++) {
            p *= tau;
            for (int j = 0; j < SPACE_TERMS; j++) {
                dx += coefficientsX_px[i][j] * p * b[j];
                dy += coefficientsY_px[i][j] * p * b[j];
            }
        }
        return new double[] {dx, dy};
    }

    /**
     * The polynomial in τ of each basis function at frame {@code t}: {@code out[0][j]} multiplies {@code b_j} in
     * Lx, {@code out[1][j]} in Ly. For loops that evaluate the field at many points of one frame.
     */
    public double[][] basisWeights(double t) {
        double tau = frames > 1 ? t / (frames - 1) : 0;
        double[][] out = new double[2][SPACE_TERMS];
        double p = 1;
        for (int i = 0; i < TIME_TERMS; i++) {
            p *= tau;
            for (int j = 0; j < SPACE_TERMS; j++) {
                out[0][j] += coefficientsX_px[i][j] * p;
                out[1][j] += coefficientsY_px[i][j] * p;
            }
        }
        return out;
    }

    private static double[][] copy(double[][] c) {
        if (c.length != TIME_TERMS) {
            throw new IllegalArgumentException("local motion needs " + TIME_TERMS + " rows of coefficients, got "
                    + c.length);
        }
        double[][] out = new double[TIME_TERMS][];
        for (int i = 0; i < TIME_TERMS; i++) {
            if (c[i].length != SPACE_TERMS) {
                throw new IllegalArgumentException("local motion needs " + SPACE_TERMS + " coefficients per row, got "
                        + c[i].length);
            }
            out[i] = c[i].clone();
        }
        return out;
    }
}
