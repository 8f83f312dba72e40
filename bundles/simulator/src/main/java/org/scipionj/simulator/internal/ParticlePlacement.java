package org.scipionj.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places non-overlapping particle centres at random (random sequential addition: each candidate is kept when it is
 * at least {@code minDistance} from every centre kept before), inside a margin from the borders. Stops after
 * {@code count} centres or when candidates keep failing (the frame is full), so it may return fewer. Stateless.
 */
final class ParticlePlacement {

    private static final int ATTEMPTS_PER_PARTICLE = 300;

    private ParticlePlacement() {
    }

    /** Centres {@code {x, y}} in pixels. */
    static List<double[]> place(int width, int height, int count, double minDistance, double margin,
                                SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        double spanX = width - 2 * margin;
        double spanY = height - 2 * margin;
        if (count <= 0 || spanX <= 0 || spanY <= 0) {
            return out;
        }
        // NB: a grid of cells of side minDistance: a conflicting centre can only be in the 3x3 cells around.
        double cell = Math.max(minDistance, 1);
        int cols = (int) Math.ceil(width / cell) + 1;
        int rows = (int) Math.ceil(height / cell) + 1;
        List<List<double[]>> grid = new ArrayList<>(cols * rows);
        for (int i = 0; i < cols * rows; i++) {
            grid.add(new ArrayList<>(2));
        }
        double min2 = minDistance * minDistance;
        int failures = 0;
        while (out.size() < count && failures < ATTEMPTS_PER_PARTICLE * Math.max(count, 10)) {
            double x = margin + random.nextDouble() * spanX;
            double y = margin + random.nextDouble() * spanY;
            int cx = (int) (x / cell);
            int cy = (int) (y / cell);
            boolean free = true;
            for (int gy = Math.max(0, cy - 1); free && gy <= Math.min(rows - 1, cy + 1); gy++) {
                for (int gx = Math.max(0, cx - 1); free && gx <= Math.min(cols - 1, cx + 1); gx++) {
                    for (double[] p : grid.get(gy * cols + gx)) {
                        double dx = p[0] - x;
                        double dy = p[1] - y;
                        if (dx * dx + dy * dy < min2) {
                            free = false;
                            break;
                        }
                    }
                }
            }
            if (free) {
                double[] p = {x, y};
                out.add(p);
                grid.get(cy * cols + cx).add(p);
            } else {
                failures++;
            }
        }
        return out;
    }
}
