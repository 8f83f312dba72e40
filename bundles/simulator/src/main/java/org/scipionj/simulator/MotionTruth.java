package org.scipionj.simulator;

/**
 * The motion of the specimen during a movie: a global shift per frame plus a {@link LocalMotion} deformation.
 *
 * <p><b>Convention.</b> Shifts are the <em>displacement of the specimen</em> in frame {@code t} relative to frame
 * 0, in pixels: the feature at {@code (x, y)} in frame 0 is at
 * {@code (x + shiftX_px[t] + Lx, y + shiftY_px[t] + Ly)} in frame {@code t}. So {@code shiftX_px[0] = shiftY_px[0]
 * = 0}, and the shift to <em>apply</em> to frame {@code t} to align it onto frame 0 is the opposite,
 * {@code (-shiftX_px[t], -shiftY_px[t])}. Shifts relative to another reference frame r (MotionCor2 reports them
 * relative to the central frame) are {@code shift[t] - shift[r]}. Each frame is a snapshot at its position (no
 * blur from motion within a frame).
 *
 * @param reference the frame the shifts are relative to: always {@code "frame 0"}
 * @param convention the convention above, in words, for readers of the JSON file
 * @param shiftX_px global x displacement per frame
 * @param shiftY_px global y displacement per frame
 * @param local the local deformation
 */
public record MotionTruth(String reference, String convention, double[] shiftX_px, double[] shiftY_px,
                          LocalMotion local) {

    /** The text of {@link #convention()}. */
    public static final String CONVENTION = "displacement of the specimen in frame t relative to frame 0, pixels:"
            + " a feature at (x, y) in frame 0 is at (x + shiftX_px[t] + Lx, y + shiftY_px[t] + Ly) in frame t;"
            + " to align frame t onto frame 0, shift it by (-shiftX_px[t], -shiftY_px[t])";

    public MotionTruth {
        if (shiftX_px.length != shiftY_px.length) {
            throw new IllegalArgumentException("one x and one y shift per frame: got " + shiftX_px.length + " and "
                    + shiftY_px.length);
        }
        shiftX_px = shiftX_px.clone();
        shiftY_px = shiftY_px.clone();
    }

    @Override
    public double[] shiftX_px() {
        return shiftX_px.clone();
    }

    @Override
    public double[] shiftY_px() {
        return shiftY_px.clone();
    }

    /** The total displacement {@code {dx, dy}} in frame {@code t} of the frame-0 point {@code (x, y)}. */
    public double[] displacement(double x, double y, int t) {
        double[] l = local.displacement(x, y, t);
        return new double[] {shiftX_px[t] + l[0], shiftY_px[t] + l[1]};
    }
}
