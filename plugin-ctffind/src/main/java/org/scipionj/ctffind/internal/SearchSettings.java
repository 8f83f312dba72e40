package org.scipionj.ctffind.internal;

/**
 * What to search and where, in CTFFIND's terms and in Å and degrees (old-style values already converted, see
 * {@link LegacyValues}). Immutable.
 *
 * @param box side of the amplitude spectrum (CTFFIND's "size of amplitude spectrum to compute")
 * @param lowRes_A low-resolution limit of the fit
 * @param highRes_A high-resolution limit of the fit
 * @param minDefocus_A lower end of the defocus search
 * @param maxDefocus_A upper end of the defocus search
 * @param stepDefocus_A step of the initial defocus search
 * @param slowSearch exhaustive 2D search over defocus, astigmatism and its angle instead of taking the angle from
 *        the spectrum's symmetry
 * @param restrainAstigmatism penalise astigmatism much above {@code astigmatismTolerance_A}
 * @param astigmatismTolerance_A expected (tolerated) astigmatism
 * @param findPhaseShift also fit an additional phase shift (phase plate)
 * @param minPhaseShift_deg lower end of the phase shift search
 * @param maxPhaseShift_deg upper end of the phase shift search
 * @param stepPhaseShift_deg step of the phase shift search
 * @param minFitPixel_A smallest pixel size to fit at (0: CTFFIND 4.1's choice, 1.4 Å unless the high-resolution
 *        limit needs finer)
 */
record SearchSettings(int box, double lowRes_A, double highRes_A, double minDefocus_A, double maxDefocus_A,
                      double stepDefocus_A, boolean slowSearch, boolean restrainAstigmatism,
                      double astigmatismTolerance_A, boolean findPhaseShift, double minPhaseShift_deg,
                      double maxPhaseShift_deg, double stepPhaseShift_deg, double minFitPixel_A) {

    /** CTFFIND's defaults (Scipion's CistemProtCTFFind defaults). */
    static final SearchSettings DEFAULT = new SearchSettings(512, 30, 5, 5000, 50000, 500, false, true, 200, false,
            0, 180, 10, 0);

    /** The pixel size to fit at for a micrograph of {@code pixel_A}: never finer than the micrograph. */
    double fitPixel_A(double pixel_A) {
        double target = minFitPixel_A > 0 ? minFitPixel_A : Math.min(1.4, 0.5 * highRes_A);
        return Math.max(pixel_A, target);
    }

    SearchSettings withBox(int newBox) {
        return new SearchSettings(newBox, lowRes_A, highRes_A, minDefocus_A, maxDefocus_A, stepDefocus_A, slowSearch,
                restrainAstigmatism, astigmatismTolerance_A, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg,
                stepPhaseShift_deg, minFitPixel_A);
    }

    SearchSettings withDefocusRange(double min, double max, double step) {
        return new SearchSettings(box, lowRes_A, highRes_A, min, max, step, slowSearch, restrainAstigmatism,
                astigmatismTolerance_A, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg, stepPhaseShift_deg,
                minFitPixel_A);
    }

    SearchSettings withResolution(double low, double high) {
        return new SearchSettings(box, low, high, minDefocus_A, maxDefocus_A, stepDefocus_A, slowSearch,
                restrainAstigmatism, astigmatismTolerance_A, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg,
                stepPhaseShift_deg, minFitPixel_A);
    }

    SearchSettings withSlowSearch(boolean slow) {
        return new SearchSettings(box, lowRes_A, highRes_A, minDefocus_A, maxDefocus_A, stepDefocus_A, slow,
                restrainAstigmatism, astigmatismTolerance_A, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg,
                stepPhaseShift_deg, minFitPixel_A);
    }

    SearchSettings withAstigmatism(boolean restrain, double tolerance) {
        return new SearchSettings(box, lowRes_A, highRes_A, minDefocus_A, maxDefocus_A, stepDefocus_A, slowSearch,
                restrain, tolerance, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg, stepPhaseShift_deg,
                minFitPixel_A);
    }

    SearchSettings withPhaseShift(boolean find, double min, double max, double step) {
        return new SearchSettings(box, lowRes_A, highRes_A, minDefocus_A, maxDefocus_A, stepDefocus_A, slowSearch,
                restrainAstigmatism, astigmatismTolerance_A, find, min, max, step, minFitPixel_A);
    }

    SearchSettings withMinFitPixel(double pixel) {
        return new SearchSettings(box, lowRes_A, highRes_A, minDefocus_A, maxDefocus_A, stepDefocus_A, slowSearch,
                restrainAstigmatism, astigmatismTolerance_A, findPhaseShift, minPhaseShift_deg, maxPhaseShift_deg,
                stepPhaseShift_deg, pixel);
    }
}
