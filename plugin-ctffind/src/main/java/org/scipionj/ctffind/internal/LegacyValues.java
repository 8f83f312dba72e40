package org.scipionj.ctffind.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scipionj.api.protocol.Parameters;

/**
 * Turns a run's parameters into {@link SearchSettings} for one micrograph. Old grigoriefflab workflows
 * ({@code ProtCTFFind}) give {@code lowRes}/{@code highRes} as normalised frequencies (fractions of the sampling
 * frequency of the micrograph downsampled by {@code ctfDownFactor}, below 1), {@code minDefocus}/{@code maxDefocus}
 * in µm and the phase shift range in radians; these are recognised by their size and converted as Scipion 1 did
 * (resolution = sampling × ctfDownFactor / frequency, the low-resolution limit capped at 50 Å; defocus × 10⁴; phase
 * shift in degrees). {@link #notes} says what was converted, for the run log. Immutable.
 */
final class LegacyValues {

    /** Frequencies below this are normalised frequencies, not Å. */
    static final double NORMALISED_BELOW = 1;
    /** Defocus limits below this are µm, not Å. */
    static final double MICROMETRES_BELOW = 100;

    private final Parameters p;
    private final boolean normalisedLow;
    private final boolean normalisedHigh;
    private final boolean micrometres;
    private final boolean radians;
    private final double downFactor;

    LegacyValues(Parameters parameters) {
        this.p = parameters;
        double low = p.decimal("lowRes");
        double high = p.decimal("highRes");
        normalisedLow = low > 0 && low < NORMALISED_BELOW;
        normalisedHigh = high > 0 && high < NORMALISED_BELOW;
        micrometres = p.decimal("maxDefocus") < MICROMETRES_BELOW;
        radians = p.decimal("maxPhaseShift") <= Math.PI + 0.05 && p.decimal("stepPhaseShift") < 1;
        downFactor = Math.max(1, p.decimal("ctfDownFactor", 1));
    }

    /** Lines for the run log saying which old-style values were found and how they are read. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (normalisedLow || normalisedHigh) {
            notes.add(String.format(Locale.ROOT, "lowRes %s / highRes %s: %s normalised frequencies (old ProtCTFFind); "
                    + "each micrograph uses sampling x ctfDownFactor (%s) / value in Å, the low limit capped at 50 Å",
                    fmt(p.decimal("lowRes")), fmt(p.decimal("highRes")),
                    normalisedLow && normalisedHigh ? "both are" : (normalisedLow ? "lowRes is" : "highRes is"),
                    fmt(downFactor)));
        }
        if (micrometres) {
            notes.add(String.format(Locale.ROOT, "minDefocus %s / maxDefocus %s are in µm (old ProtCTFFind): read as "
                    + "%s / %s Å", fmt(p.decimal("minDefocus")), fmt(p.decimal("maxDefocus")),
                    fmt(p.decimal("minDefocus") * 1e4), fmt(p.decimal("maxDefocus") * 1e4)));
        }
        if (radians && p.bool("findPhaseShift")) {
            notes.add(String.format(Locale.ROOT, "phase shift range %s-%s step %s is in radians (old ProtCTFFind): "
                    + "read as %s-%s step %s degrees", fmt(p.decimal("minPhaseShift")), fmt(p.decimal("maxPhaseShift")),
                    fmt(p.decimal("stepPhaseShift")), fmt(Math.toDegrees(p.decimal("minPhaseShift"))),
                    fmt(Math.toDegrees(p.decimal("maxPhaseShift"))), fmt(Math.toDegrees(p.decimal("stepPhaseShift")))));
        }
        return notes;
    }

    /** Whether any old-style value was found. */
    boolean anyConverted() {
        return normalisedLow || normalisedHigh || micrometres || (radians && p.bool("findPhaseShift"));
    }

    /** The settings for a micrograph sampled at {@code pixel_A}. */
    SearchSettings settingsFor(double pixel_A) {
        double sampling = pixel_A * downFactor;
        double low = p.decimal("lowRes");
        double high = p.decimal("highRes");
        if (normalisedLow) {
            low = Math.min(50, sampling / low);
        }
        if (normalisedHigh) {
            high = sampling / high;
        }
        double defocusScale = micrometres ? 1e4 : 1;
        double phaseScale = radians ? 180 / Math.PI : 1;
        return new SearchSettings((int) p.integer("windowSize"), low, high, p.decimal("minDefocus") * defocusScale,
                p.decimal("maxDefocus") * defocusScale, p.decimal("stepDefocus"), p.bool("slowSearch"),
                p.bool("fixAstig"), p.decimal("astigmatism"), p.bool("findPhaseShift"),
                p.decimal("minPhaseShift") * phaseScale, p.decimal("maxPhaseShift") * phaseScale,
                p.decimal("stepPhaseShift") * phaseScale, downFactor > 1 ? sampling : 0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
