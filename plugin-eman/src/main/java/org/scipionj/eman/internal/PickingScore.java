package org.scipionj.eman.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Precision, recall and F1 of picks against true centres: a pick matches a true particle when they are at most
 * {@code radius} apart; pairs are matched one to one, closest first (greedy). Immutable.
 *
 * @param truth number of true particles
 * @param picked number of picks
 * @param matched picks matched to a true particle
 * @param meanError_px mean distance of the matched pairs, pixels
 */
public record PickingScore(int truth, int picked, int matched, double meanError_px) {

    /** Scores {@code picks} against {@code centres} ({x, y} pairs) at {@code radius} pixels. */
    public static PickingScore of(List<Pick> picks, List<double[]> centres, double radius) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            for (int j = 0; j < centres.size(); j++) {
                double dist = Math.hypot(picks.get(i).x() - centres.get(j)[0], picks.get(i).y() - centres.get(j)[1]);
                if (dist <= radius) {
                    pairs.add(new double[] {dist, i, j});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        boolean[] usedPick = new boolean[picks.size()];
        boolean[] usedTrue = new boolean[centres.size()];
        int matched = 0;
        double error = 0;
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (!usedPick[i] && !usedTrue[j]) {
                usedPick[i] = true;
                usedTrue[j] = true;
                matched++;
                error += p[0];
            }
        }
        return new PickingScore(centres.size(), picks.size(), matched, matched == 0 ? 0 : error / matched);
    }

    /** Matched picks over all picks (1 when nothing was picked). */
    public double precision() {
        return picked == 0 ? 1 : (double) matched / picked;
    }

    /** Matched true particles over all of them (1 when there were none). */
    public double recall() {
        return truth == 0 ? 1 : (double) matched / truth;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Adds two scores (micrographs pooled); the mean error is weighted by the matches. */
    public PickingScore plus(PickingScore o) {
        int m = matched + o.matched;
        double e = m == 0 ? 0 : (meanError_px * matched + o.meanError_px * o.matched) / m;
        return new PickingScore(truth + o.truth, picked + o.picked, m, e);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "truth %d, picked %d, matched %d: precision %.3f, recall %.3f, "
                + "F1 %.3f, mean error %.2f px", truth, picked, matched, precision(), recall(), f1(), meanError_px);
    }
}
