package org.scipionj.motioncorr.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scipionj.api.item.Movie;

/**
 * The MotionCor2/MotionCor3 command line equivalent to a native run, following Scipion's plugin
 * ({@code _getMcArgs}): frame range as {@code -Throw/-Trunc}, patches, tolerance, grouping, Fourier binning,
 * pixel size and voltage, dose weighting ({@code -InitDose/-FmDose}, which makes MotionCor2 write the
 * {@code _DW.mrc} sum), gain with its rotation and flip, dark, defects, magnification, even/odd sums, logs in the
 * working folder, then {@code extraParams2} as given. Stateless.
 */
final class MotionCorCommand {

    private MotionCorCommand() {
    }

    /**
     * @param frames frames in the movie
     * @param pixel Å/px
     * @param output the {@code -OutMrc} file
     * @param workDir where MotionCor2 writes its logs
     */
    static List<String> build(Path exe, Movie movie, RunOptions o, AlignSettings s, int frames, double pixel,
                              Path output, Path workDir) {
        List<String> c = new ArrayList<>();
        c.add(exe.toString());
        String name = movie.file().toLowerCase(Locale.ROOT);
        c.add(name.endsWith(".tif") || name.endsWith(".tiff") ? "-InTiff" : "-InMrc");
        c.add(Path.of(movie.file()).toAbsolutePath().toString());
        c.add("-OutMrc");
        c.add(output.toAbsolutePath().toString());
        c.add("-Patch");
        c.add(String.valueOf(o.patchX()));
        c.add(String.valueOf(o.patchY()));
        if (o.patchOverlap() > 0) {
            c.add(String.valueOf(o.patchOverlap()));
        }
        add(c, "-MaskCent", o.crop()[0], o.crop()[1]);
        add(c, "-MaskSize", o.crop()[2] == 0 ? 1 : o.crop()[2], o.crop()[3] == 0 ? 1 : o.crop()[3]);
        add(c, "-FtBin", num(o.binFactor()));
        add(c, "-Tol", num(o.tol()));
        add(c, "-Group", o.group(), o.groupLocal());
        add(c, "-PixSize", num(pixel));
        add(c, "-kV", num(movie.acquisition().voltage_kV()));
        add(c, "-Cs", 0);
        add(c, "-OutStack", 0);
        c.add("-Gpu");
        c.addAll(List.of(o.gpus().trim().split("[\\s,]+")));
        add(c, "-SumRange", "0.0", "0.0");
        add(c, "-Throw", s.alignFirst());
        add(c, "-Trunc", frames - 1 - s.alignLast());
        if (o.doseWeighting()) {
            add(c, "-InitDose", num(movie.doseInitial_ePerA2() > 0.001 ? movie.doseInitial_ePerA2() : 0));
            add(c, "-FmDose", num(movie.dosePerFrame_ePerA2()));
        }
        if (movie.gainFile() != null && !movie.gainFile().isBlank()) {
            add(c, "-Gain", movie.gainFile());
            add(c, "-RotGain", o.gainRot());
            add(c, "-FlipGain", o.gainFlip());
        }
        if (movie.darkFile() != null && !movie.darkFile().isBlank()) {
            add(c, "-Dark", movie.darkFile());
        }
        if (o.defectFile() != null) {
            add(c, "-DefectFile", o.defectFile());
        } else if (o.defectMap() != null) {
            add(c, "-DefectMap", o.defectMap());
        }
        if (o.magCorrection()) {
            add(c, "-Mag", num(o.mag()[0]), num(o.mag()[1]), num(o.mag()[2]));
        }
        if (o.splitEvenOdd()) {
            add(c, "-SplitSum", 1);
        }
        add(c, "-LogDir", workDir.toAbsolutePath() + "/");
        c.addAll(o.extra().tokens());
        return c;
    }

    private static void add(List<String> c, String option, Object... values) {
        c.add(option);
        for (Object v : values) {
            c.add(String.valueOf(v));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
