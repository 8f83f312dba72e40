package org.scipionj.eman.internal;

/**
 * How the native pickers look for particles. Immutable.
 *
 * @param diameter_px particle diameter on the micrograph, pixels (Scipion's {@code particleSize})
 * @param threshold least score kept, in robust standard deviations of the filtered map
 * @param upperThreshold largest score kept (brighter spots are contamination); infinity: no limit
 * @param widthFactor scales the width of the blob filter (Scipion's {@code gaussWidth}, 1: matched to the size)
 * @param minDistance_px non-maximum suppression distance between two picks, pixels
 * @param border_px picks whose centre is closer than this to an edge are dropped, pixels
 * @param contaminationThreshold drop picks whose neighbourhood is darker or more variable than the micrograph's
 *        typical neighbourhood by this many robust standard deviations (ice contamination, carbon edges); 0: off
 * @param darkParticles particles darker than the background (cryo-EM); false for negative stain
 * @param maxPicks largest number of picks kept per micrograph (best scores first); 0: no limit
 */
public record PickerSettings(double diameter_px, double threshold, double upperThreshold, double widthFactor,
                      double minDistance_px, double border_px, double contaminationThreshold,
                      boolean darkParticles, int maxPicks) {

    public PickerSettings {
        if (!(diameter_px >= 4)) {
            throw new IllegalArgumentException("particleSize must be at least 4 px, got " + diameter_px);
        }
        if (!(widthFactor > 0)) {
            throw new IllegalArgumentException("gaussWidth must be positive, got " + widthFactor);
        }
    }

    /** Defaults for a particle of {@code diameter_px}: threshold 3 sd, NMS at 0.9 diameter, border of a radius. */
    public static PickerSettings forDiameter(double diameter_px) {
        return new PickerSettings(diameter_px, 3.0, Double.POSITIVE_INFINITY, 1.0, 0.9 * diameter_px,
                diameter_px / 2, 0, true, 0);
    }

    public PickerSettings withThreshold(double t) {
        return new PickerSettings(diameter_px, t, upperThreshold, widthFactor, minDistance_px, border_px,
                contaminationThreshold, darkParticles, maxPicks);
    }

    public PickerSettings withContamination(double t) {
        return new PickerSettings(diameter_px, threshold, upperThreshold, widthFactor, minDistance_px, border_px, t,
                darkParticles, maxPicks);
    }

    public PickerSettings withWidth(double w) {
        return new PickerSettings(diameter_px, threshold, upperThreshold, w, minDistance_px, border_px,
                contaminationThreshold, darkParticles, maxPicks);
    }

    /** The integer binning that brings the particle to about 16-32 px across (1 for small particles). */
    public int binning() {
        return Math.max(1, (int) Math.floor(diameter_px / 16));
    }
}
