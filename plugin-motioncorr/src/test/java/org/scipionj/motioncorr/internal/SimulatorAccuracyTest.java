package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.image.io.GainOrientation;
import org.scipionj.simulator.Preset;
import org.scipionj.simulator.SimulationOptions;

/**
 * Accuracy against the simulator's ground truth, on reduced movies (512 x 512, 16 frames) so that it runs as a unit
 * test; the full small-preset figures come from the motioncorr benchmark.
 */
class SimulatorAccuracyTest {

    @TempDir
    Path dir;

    static MotionCorr.Result align(Simulated s, AlignSettings settings, boolean align) throws Exception {
        try (MovieFrames frames = MovieFrames.open(s.movie, s.gain, null, GainOrientation.IDENTITY, s.defects, null,
                new int[4]); Workers w = new Workers(2, null)) {
            return MotionCorr.run(frames, settings, w, true, 4, align);
        }
    }

    static AlignSettings settings(Simulated s) {
        SimulationOptions o = s.options;
        return AlignSettings.defaults(o.frames(), o.pixelSize_A(), o.dosePerFrame_ePerA2());
    }

    @Test
    void globalShiftsAreWithinATenthOfAPixelWhenTheFramesHoldEnoughSignal() throws Exception {
        assertGlobalError(20, 0.1);
    }

    @Test
    void globalShiftsAtLowDoseAreAsGoodAsTheFramesAllow() throws Exception {
        // NB: at 5 e/A2/frame a 512 x 512 frame pins its shift against the sum of the others to about 0.25 px
        // (see the README); smoothing in time brings the error to about 0.115 px
        assertGlobalError(5, 0.2);
    }

    @Test
    void globalShiftsOfAFullSmallMovieAtTheIssuesLowDose() throws Exception {
        // NB: the issue's condition: a whole small-preset movie (1024 x 1024 x 24, drift 10 px, local motion 1.5 px)
        // at 1.2 e/A2/frame. The goal there is 0.1 px and it is NOT met, and cannot be: the information bound of this
        // movie is 0.112 px (seeds 1-4: 0.103-0.112 px; the benchmark prints it). Measured: 0.186 px (seeds 1-4:
        // 0.170-0.186 px, see the README). This guards what is reached, with a small margin.
        double rms = globalError(SimulationOptions.builder(Preset.SMALL).dosePerFrame_ePerA2(1.2).seed(1).build());
        assertTrue(rms <= 0.20, "global RMS error " + rms);
    }

    void assertGlobalError(double dose, double limit) throws Exception {
        double rms = globalError(SimulationOptions.builder(Preset.SMALL).size(512, 512).frames(16)
                .dosePerFrame_ePerA2(dose).seed(11).build());
        assertTrue(rms <= limit, "global RMS error " + rms);
    }

    double globalError(SimulationOptions options) throws Exception {
        Simulated s = Simulated.make(options, dir, false);
        double dose = options.dosePerFrame_ePerA2();
        MotionCorr.Result r = align(s, settings(s).withPatches(0, 0), true);
        double[][] g = r.motion().global();
        java.util.List<Double> x = new java.util.ArrayList<>();
        java.util.List<Double> y = new java.util.ArrayList<>();
        for (double[] v : g) {
            x.add(v[0]);
            y.add(v[1]);
        }
        double rms = s.globalError(x, y);
        int last = options.frames() - 1;
        System.out.printf("simulated %dx%dx%d, %.1f e/A2/frame, gain on: global RMS error %.4f px, drift %.1f px%n",
                options.width(), options.height(), options.frames(), dose, rms,
                Math.hypot(s.truth.motion().shiftX_px()[last], s.truth.motion().shiftY_px()[last]));
        return rms;
    }

    @Test
    void patchModelBeatsGlobalOnlyOnTheFieldAndTheSum() throws Exception {
        Simulated s = Simulated.make(SimulationOptions.builder(Preset.SMALL).size(512, 512).frames(16)
                .dosePerFrame_ePerA2(5).localMotion_px(4).seed(12).build(), dir);
        MotionCorr.Result local = align(s, settings(s), true);
        MotionCorr.Result global = align(s, settings(s).withPatches(0, 0), true);
        MotionCorr.Result none = align(s, settings(s), false);
        double fieldLocal = s.fieldError(local.motion());
        double fieldGlobal = s.fieldError(global.motion());
        double ccLocal = s.bandCorrelation(local.sums().plain(), 8, 3, 24);
        double ccGlobal = s.bandCorrelation(global.sums().plain(), 8, 3, 24);
        double ccNone = s.bandCorrelation(none.sums().plain(), 8, 3, 24);
        System.out.printf("simulated 512x512x16, 5 e/A2/frame, 4 px local motion, 5x5 patches: field RMS error local %.3f px, global only"
                + " %.3f px; 3-8 A correlation with the ideal: local %.4f, global %.4f, unaligned %.4f; model %s%n",
                fieldLocal, fieldGlobal, ccLocal, ccGlobal, ccNone, local.motion().local().toMap());
        assertTrue(fieldLocal < fieldGlobal, "local " + fieldLocal + " vs global " + fieldGlobal);
        assertTrue(ccLocal > ccGlobal && ccGlobal > ccNone, ccLocal + " > " + ccGlobal + " > " + ccNone);
    }
}
