package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.process.Thumbnails;

/**
 * Writes what one aligned movie produces, whichever way it was aligned, and builds its output items: the
 * micrographs (MRC, float32; {@code NAME_aligned_mic.mrc} and {@code NAME_aligned_mic_DW.mrc}), the drift plot
 * ({@code NAME_global_shifts.png}, attribute {@code plotGlobal}), the thumbnail ({@code NAME_thumbnail.png},
 * attribute {@code thumbnail}) and the movie with its shifts. {@code NAME} is the movie id (6 digits) and file name,
 * so that movies with equal names in different folders do not collide. Files are complete before the items are
 * returned (each is written to a temporary name and renamed). Stateless.
 */
final class MovieOutputs {

    /**
     * What an alignment produced for one movie.
     *
     * @param shifts global shift {x, y} of each aligned frame relative to the first, movie pixels
     * @param alignFirst 0-based index of the first aligned frame
     * @param sumFirst 0-based index of the first summed frame
     * @param sumLast 0-based index of the last summed frame
     * @param plain aligned sum without dose weighting, or null
     * @param doseWeighted dose-weighted aligned sum, or null
     * @param plainFile when the sum was written by another program: its file (then {@code plain} is null)
     * @param doseWeightedFile likewise for the dose-weighted sum
     * @param micrographPixel Å/px of the sums
     * @param local JSON form of the local model, or null
     * @param method how it was aligned ({@code native}, {@code MotionCor2})
     * @param details extra values for the movie item (timings, iterations)
     */
    record Aligned(double[][] shifts, int alignFirst, int sumFirst, int sumLast, Frame plain, Frame doseWeighted,
                   Path plainFile, Path doseWeightedFile, double micrographPixel, Map<String, Object> local,
                   String method, Map<String, Object> details) {
    }

    private MovieOutputs() {
    }

    static String baseName(Movie movie) {
        String name = Path.of(movie.file()).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return String.format("%06d_%s", movie.id(), dot > 0 ? name.substring(0, dot) : name);
    }

    static ItemResult write(Path dir, Movie movie, RunOptions o, Aligned a, double moviePixel) throws IOException {
        Files.createDirectories(dir);
        String base = baseName(movie);
        double firstExposure = movie.doseInitial_ePerA2() + (a.alignFirst() + 1) * movie.dosePerFrame_ePerA2();
        Drift drift = Drift.of(a.shifts(), moviePixel, firstExposure, movie.dosePerFrame_ePerA2());
        Path plot = dir.resolve(base + "_global_shifts.png");
        DriftPlot.write(plot, a.shifts(), a.alignFirst() + 1, moviePixel,
                String.format("%s  (total %.1f Å, early %.1f Å)", Path.of(movie.file()).getFileName(),
                        drift.total_A(), drift.early_A()));
        Path plainFile = a.plainFile();
        Path dwFile = a.doseWeightedFile();
        String label = "Scipion-J ProtMotionCorr (" + a.method() + ")";
        if (a.plain() != null) {
            plainFile = dir.resolve(base + "_aligned_mic.mrc");
            MrcFiles.write(plainFile, List.of(a.plain()), MrcMode.FLOAT32, a.micrographPixel(), label);
        }
        if (a.doseWeighted() != null) {
            dwFile = dir.resolve(base + "_aligned_mic_DW.mrc");
            MrcFiles.write(dwFile, List.of(a.doseWeighted()), MrcMode.FLOAT32, a.micrographPixel(),
                    label + " dose-weighted");
        }
        Path thumbnail = null;
        Frame shown = a.doseWeighted() != null ? a.doseWeighted() : a.plain();
        Path written = dwFile != null ? dwFile : plainFile;
        if (o.thumbnail() && shown == null && written != null) {
            shown = MrcFiles.readAll(written).get(0); // NB: written by another program
        }
        if (o.thumbnail() && shown != null) {
            thumbnail = dir.resolve(base + "_thumbnail.png");
            Path tmp = dir.resolve(base + "_thumbnail.png.tmp");
            Thumbnails.writePng(shown, tmp, Thumbnails.Options.DEFAULT);
            Files.move(tmp, thumbnail, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        Map<String, Object> common = new LinkedHashMap<>();
        common.put("alignFrame0", a.alignFirst() + 1);
        common.put("alignFrameN", a.alignFirst() + a.shifts().length);
        common.put("driftTotal_A", drift.total_A());
        common.put("driftEarly_A", drift.early_A());
        common.put("driftLate_A", drift.late_A());
        common.put("maxShift_px", drift.maxShift_px());
        common.put("plotGlobal", plot.toString());
        if (thumbnail != null) {
            common.put("thumbnail", thumbnail.toString());
        }
        common.put("alignment", a.method());

        Map<String, Object> movieAttrs = new LinkedHashMap<>(movie.attributes());
        movieAttrs.putAll(common);
        movieAttrs.put("shiftsX_px", rounded(a.shifts(), 0));
        movieAttrs.put("shiftsY_px", rounded(a.shifts(), 1));
        movieAttrs.put("shiftReference", "displacement of the specimen relative to frame alignFrame0, movie pixels;"
                + " align a frame by moving it by minus its shift");
        if (a.local() != null) {
            movieAttrs.put("localModel", a.local());
        }
        movieAttrs.putAll(a.details());
        ItemResult.Builder result = ItemResult.builder();
        result.add(ProtMotionCorr.OUT_MOVIES, new Movie(movie.id(), movie.file(), movie.width_px(),
                movie.height_px(), movie.frames(), movie.samplingRate_Apx(), movie.dosePerFrame_ePerA2(),
                movie.doseInitial_ePerA2(), movie.acquisition(), movie.gainFile(), movie.darkFile(), movieAttrs));
        if (dwFile != null) {
            result.add(ProtMotionCorr.OUT_DW, micrograph(movie, dwFile, a, common, true));
        }
        if (plainFile != null) {
            result.add(ProtMotionCorr.OUT_MICS, micrograph(movie, plainFile, a, common, false));
        }
        return result.build();
    }

    private static Micrograph micrograph(Movie movie, Path file, Aligned a, Map<String, Object> common,
                                         boolean doseWeighted) throws IOException {
        Map<String, Object> attrs = new LinkedHashMap<>(common);
        attrs.put("doseWeighted", doseWeighted);
        attrs.put("sumFrame0", a.sumFirst() + 1);
        attrs.put("sumFrameN", a.sumLast() + 1);
        Frame f = doseWeighted ? a.doseWeighted() : a.plain();
        int w;
        int h;
        if (f != null) {
            w = f.width();
            h = f.height();
        } else {
            var header = org.scipionj.image.io.MrcHeaderReader.read(file);
            w = header.nx();
            h = header.ny();
        }
        return new Micrograph(movie.id(), file.toAbsolutePath().toString(), w, h, a.micrographPixel(),
                movie.acquisition(), movie.file(), attrs);
    }

    private static List<Double> rounded(double[][] shifts, int axis) {
        List<Double> out = new ArrayList<>(shifts.length);
        for (double[] s : shifts) {
            out.add(Math.round(s[axis] * 1000) / 1000.0);
        }
        return out;
    }
}
