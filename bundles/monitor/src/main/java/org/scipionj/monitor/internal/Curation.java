package org.scipionj.monitor.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;

/**
 * The acceptance rules of micrograph curation, as one verdict per micrograph: the codes of the rules it breaks
 * ({@code noCtf}, {@code resolution}, {@code defocus}, {@code astigmatism}, {@code drift}, {@code earlyDrift}) and a
 * human reason. A threshold of 0 disables its rule. Immutable; thread-safe.
 *
 * @param maxResolution_A reject when the CTF fit resolution is worse (larger) than this
 * @param minDefocus_A reject when the smaller defocus is below this
 * @param maxDefocus_A reject when the larger defocus is above this
 * @param maxAstigmatism_A reject when |defocusU - defocusV| is above this
 * @param maxDrift_A reject when the total drift is above this
 * @param maxEarlyDrift_A reject when the drift over the first {@code earlyFrames} frames is above this
 * @param earlyFrames frames counted as early
 * @param requireCtf reject micrographs without a CTF
 */
record Curation(double maxResolution_A, double minDefocus_A, double maxDefocus_A, double maxAstigmatism_A,
                double maxDrift_A, double maxEarlyDrift_A, int earlyFrames, boolean requireCtf) {

    /** The attribute holding the list of rule codes a rejected micrograph breaks. */
    static final String CODES = "rejectCodes";
    /** The attribute holding the human reason. */
    static final String REASON = "rejectReason";

    /** What one micrograph gets. */
    record Verdict(List<String> codes, String reason) {
        boolean accepted() {
            return codes.isEmpty();
        }
    }

    Verdict judge(Micrograph m, CtfModel ctf) {
        List<String> codes = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (ctf == null) {
            if (requireCtf) {
                codes.add("noCtf");
                why.add("no CTF estimate");
            }
        } else {
            if (maxResolution_A > 0 && !(ctf.resolution_A() <= maxResolution_A)) {
                codes.add("resolution");
                why.add(String.format("CTF fit resolution %.1f Å worse than %.1f Å", ctf.resolution_A(),
                        maxResolution_A));
            }
            double lo = Math.min(ctf.defocusU_A(), ctf.defocusV_A());
            double hi = Math.max(ctf.defocusU_A(), ctf.defocusV_A());
            if ((minDefocus_A > 0 && lo < minDefocus_A) || (maxDefocus_A > 0 && hi > maxDefocus_A)) {
                codes.add("defocus");
                why.add(String.format("defocus %.0f..%.0f Å outside %.0f..%.0f Å", lo, hi, minDefocus_A,
                        maxDefocus_A));
            }
            if (maxAstigmatism_A > 0 && ctf.astigmatism_A() > maxAstigmatism_A) {
                codes.add("astigmatism");
                why.add(String.format("astigmatism %.0f Å above %.0f Å", ctf.astigmatism_A(), maxAstigmatism_A));
            }
        }
        Drift d = Drift.of(m, earlyFrames);
        if (maxDrift_A > 0 && d.known() && d.total_A() > maxDrift_A) {
            codes.add("drift");
            why.add(String.format("total drift %.1f Å above %.1f Å", d.total_A(), maxDrift_A));
        }
        if (maxEarlyDrift_A > 0 && !Double.isNaN(d.early_A()) && d.early_A() > maxEarlyDrift_A) {
            codes.add("earlyDrift");
            why.add(String.format("early drift %.1f Å (first %d frames) above %.1f Å", d.early_A(), earlyFrames,
                    maxEarlyDrift_A));
        }
        return new Verdict(List.copyOf(codes), String.join("; ", why));
    }
}
