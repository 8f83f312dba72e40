package org.scipionj.motioncorr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * Scipion's {@code ProtMotionCorr} (scipion-em-motioncorr): beam-induced motion correction of each movie as it
 * arrives. By default the alignment is native Java (global + patch alignment, dose weighting, see
 * {@link MotionCorr}); when a MotionCor2/MotionCor3 executable is configured ({@code motioncorPath}, or the system
 * property {@value #EXECUTABLE_PROPERTY}) the same protocol runs that program instead ({@link ExternalMotionCor}).
 * Parameter names are Scipion's, including older ones found in real workflows, which are accepted and, where they
 * mean nothing here, ignored with a note. Stateless; each run gets its own processor.
 */
@Component(service = Protocol.class)
public final class ProtMotionCorr implements ItemProtocol {

    /** System property naming a MotionCor2/MotionCor3 executable for every run that does not set motioncorPath. */
    public static final String EXECUTABLE_PROPERTY = "scipion.motioncor.path";

    static final String INPUT = "inputMovies";
    static final String OUT_DW = "outputMicrographsDoseWeighted";
    static final String OUT_MICS = "outputMicrographs";
    static final String OUT_MOVIES = "outputMovies";

    private static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("motioncorr.align",
            "motioncorr - movie alignment", List.of("ProtMotionCorr", "ProtMotionCorrTasks"),
            List.of(Slot.of(INPUT, Movie.class)),
            List.of(Slot.of(OUT_DW, Micrograph.class), Slot.of(OUT_MICS, Micrograph.class),
                    Slot.of(OUT_MOVIES, Movie.class)),
            params());

    private static List<Param> params() {
        List<Param> p = new ArrayList<>();
        p.add(Param.integer("alignFrame0", 1L).min(1).label("First frame to align and sum")
                .help("The first frame is 1."));
        p.add(Param.integer("alignFrameN", 0L).min(0).label("Last frame to align and sum")
                .help("0 means the last frame of the movie."));
        p.add(Param.integer("sumFrame0", (Long) null).min(1).label("First frame to sum (older workflows)")
                .help("Older Scipion workflows had separate sum ranges. Empty: the aligned range. Only frames that are"
                        + " also aligned can be summed, so the sum range is limited to the aligned one."));
        p.add(Param.integer("sumFrameN", (Long) null).min(0).label("Last frame to sum (older workflows)")
                .help("0 means the last frame; empty: the aligned range."));
        p.add(Param.decimal("binFactor", 1.0).range(1, 16).label("Binning factor")
                .help("Fourier cropping of the output micrographs (MotionCor2's -FtBin): 2 halves their size."));
        p.add(Param.integer("cropOffsetX", 0L).min(0).label("Crop offset X (px)"));
        p.add(Param.integer("cropOffsetY", 0L).min(0).label("Crop offset Y (px)"));
        p.add(Param.integer("cropDimX", 0L).min(0).label("Crop width (px)")
                .help("Only this region of the frames is processed; 0: up to the edge."));
        p.add(Param.integer("cropDimY", 0L).min(0).label("Crop height (px)"));
        p.add(Param.bool("doApplyDoseFilter", true).label("Apply dose filter")
                .help("Grant & Grigorieff exposure weighting, from the movies' pre-exposure and dose per frame."));
        p.add(Param.integer("patchX", 5L).min(0).label("Patches X")
                .help("Patches across for local alignment; patchX and patchY 0 (or 1): global alignment only."));
        p.add(Param.integer("patchY", 5L).min(0).label("Patches Y"));
        p.add(Param.integer("patchOverlap", 0L).range(0, 99).label("Patches overlap (%)"));
        p.add(Param.integer("group", 1L).min(1).label("Group N frames (global)")
                .help("Frames summed before the global alignment, for low dose per frame."));
        p.add(Param.integer("groupLocal", 4L).min(1).label("Group N frames (local)")
                .help("Frames summed before the patch alignment."));
        p.add(Param.decimal("tol", 0.2).min(0.001).label("Tolerance (px)")
                .help("Iterations stop when no shift changes by this much."));
        p.add(Param.bool("doSaveUnweightedMic", false).label("Save unweighted micrographs?")
                .help("With dose weighting, also write the aligned sum without it (outputMicrographs)."));
        p.add(Param.bool("doSaveAveMic", true).label("Save aligned micrographs?")
                .help("No: only the movies with their shifts are output."));
        p.add(Param.bool("doComputeMicThumbnail", true).label("Compute micrograph thumbnail?"));
        p.add(Param.choice("gainRot", 0, "no rotation", "90 degrees", "180 degrees", "270 degrees")
                .label("Rotate gain reference").help("Counter-clockwise, as MotionCor2's -RotGain."));
        p.add(Param.choice("gainFlip", 0, "no flip", "upside down", "left right").label("Flip gain reference")
                .help("After the rotation, as MotionCor2's -FlipGain."));
        p.add(Param.path("defectFile").label("Camera defects file")
                .help("Lines 'x y w h': rectangles of bad pixels, replaced by their good neighbours."));
        p.add(Param.path("defectMap").label("Camera defects map").help("An image, non-zero at bad pixels."));
        p.add(Param.string("extraParams2", "").label("Additional parameters")
                .help("MotionCor2 options. Natively -Bft GLOBAL LOCAL (B-factors, px², default 150 150), -Iter N"
                        + " (default 7) and -Align 0 (plain sum) are used; others only by an external MotionCor2."));
        p.add(Param.bool("doMagCor", false).label("Correct anisotropic magnification?")
                .help("Only with an external MotionCor2 (its -Mag)."));
        p.add(Param.decimal("scaleMaj", 1.0).label("Major scale factor"));
        p.add(Param.decimal("scaleMin", 1.0).label("Minor scale factor"));
        p.add(Param.decimal("angDist", 0.0).label("Distortion angle (deg)"));
        p.add(Param.bool("splitEvenOdd", false).label("Save even/odd sums?")
                .help("Only with an external MotionCor2 (its -SplitSum)."));
        p.add(Param.path("motioncorPath").label("MotionCor2/MotionCor3 executable (Scipion-J)")
                .help("Empty: native alignment, unless the system property " + EXECUTABLE_PROPERTY + " names one."));
        p.add(Param.string("gpuList", "0").notProvenance().label("GPU IDs")
                .help("Only for an external MotionCor2 (-Gpu)."));
        ignored(p, "GPUIDs", "older name of gpuList; the native alignment runs on the CPU");
        ignored(p, "gpuMsg", "a form label in older Scipion versions");
        ignored(p, "useMotioncor2", "older choice between motioncorr and MotionCor2; native alignment is the default"
                + " and motioncorPath selects MotionCor2");
        ignored(p, "useAlignToSum", "frames are always aligned to the sum of the others");
        ignored(p, "doSaveMovie", "aligned movies are not written; outputMovies carries the shifts and local model");
        ignored(p, "doComputePSD", "power spectra are computed by the CTF estimation step");
        ignored(p, "computeAllFramesAvg", "the unaligned average is not written");
        ignored(p, "extraProtocolParams", "the engine schedules extra work itself (--use_worker_thread)");
        ignored(p, "extraParams", "options of the old motioncorr program");
        ignored(p, "useEst", "magnification distortion estimates are not read");
        ignored(p, "inputEst", "magnification distortion estimates are not read");
        ignored(p, "EERtext", "a form label");
        ignored(p, "eerGroup", "EER movies are not read by Scipion-J");
        ignored(p, "eerSampling", "EER movies are not read by Scipion-J");
        return p;
    }

    private static void ignored(List<Param> p, String name, String because) {
        p.add(Param.ignored(name, because));
    }

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        long a0 = p.integer("alignFrame0");
        long aN = p.integer("alignFrameN");
        if (aN != 0 && aN < a0) {
            problems.add("alignFrameN (" + aN + ") is before alignFrame0 (" + a0 + "); use 0 for the last frame");
        }
        if (p.has("sumFrame0") && p.has("sumFrameN") && p.integer("sumFrameN") != 0
                && p.integer("sumFrameN") < p.integer("sumFrame0")) {
            problems.add("sumFrameN is before sumFrame0; use 0 for the last frame");
        }
        try {
            ExtraParams.parse(p.string("extraParams2"));
        } catch (IllegalArgumentException e) {
            problems.add("extraParams2: " + e.getMessage());
        }
        Path exe = executable(p);
        if (exe != null && !Files.isExecutable(exe)) {
            problems.add("the MotionCor2 executable " + exe + " does not exist or cannot be run; fix motioncorPath"
                    + " (or -D" + EXECUTABLE_PROPERTY + ") or leave it empty for the native alignment");
        }
        if (exe == null) {
            if (p.bool("doMagCor")) {
                problems.add("doMagCor: magnification correction needs MotionCor2; set motioncorPath or doMagCor false");
            }
            if (p.bool("splitEvenOdd")) {
                problems.add("splitEvenOdd: even/odd sums need MotionCor2; set motioncorPath or splitEvenOdd false");
            }
        }
        return problems;
    }

    /** The external executable this run uses, or null for the native alignment. */
    static Path executable(Parameters p) {
        Path given = p.path("motioncorPath");
        if (given != null && !given.toString().isBlank()) {
            return given;
        }
        String property = System.getProperty(EXECUTABLE_PROPERTY);
        return property == null || property.isBlank() ? null : Path.of(property.trim());
    }

    @Override
    public ItemProcessor open(RunContext run) throws Exception {
        Parameters p = run.parameters();
        for (String ref : List.of("defectFile", "defectMap")) {
            Path file = p.path(ref);
            if (file != null && !Files.isRegularFile(file)) {
                throw new IllegalArgumentException(ref + " " + file + " does not exist; fix the path or leave it empty");
            }
        }
        RunOptions options = RunOptions.from(p);
        Path exe = executable(p);
        if (exe != null) {
            run.log().info("running " + exe + " for each movie (external MotionCor2/MotionCor3 mode)");
            return new ExternalMotionCor(run, options, exe);
        }
        options.notes().forEach(n -> run.log().info(n));
        return new NativeMotionCorr(run, options);
    }
}
