package org.scipionj.api.item;

import java.util.Map;

/**
 * A contrast transfer function estimated for one micrograph (CTFFIND conventions: defocusU ≥ defocusV,
 * underfocus positive, angle from the x axis to defocusU).
 *
 * @param id stable id (the id of its micrograph)
 * @param micrographFile the micrograph it describes
 * @param defocusU_A defocus along the major axis, Å
 * @param defocusV_A defocus along the minor axis, Å
 * @param defocusAngle_deg astigmatism angle, degrees
 * @param phaseShift_deg additional phase shift, degrees (0 without a phase plate)
 * @param resolution_A resolution to which Thon rings were fitted, Å
 * @param fitQuality cross-correlation between model and spectrum
 * @param psdFile power spectrum image, or null
 * @param attributes extra values
 */
public record CtfModel(long id, String micrographFile, double defocusU_A, double defocusV_A,
                       double defocusAngle_deg, double phaseShift_deg, double resolution_A, double fitQuality,
                       String psdFile, Map<String, Object> attributes) implements Item {

    public CtfModel {
        attributes = Items.freeze(attributes);
    }

    /** Astigmatism |defocusU − defocusV| in Å. */
    public double astigmatism_A() {
        return Math.abs(defocusU_A - defocusV_A);
    }
}
