package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * RELION's per-movie motion metadata ({@code rlnMicrographMetadata}): {@code data_general} (movie size, names,
 * binning, pixel size, dose, voltage, first frame, motion model 0 = none) and {@code data_global_shift} (one row per
 * aligned frame, unbinned movie pixels). The shifts are the motion-corrected movie's {@code shiftsX_px} /
 * {@code shiftsY_px}, the numbers MotionCor2 reports in its log and RELION copies from it, relative to the first
 * aligned frame. The local model is not written: Scipion-J's polynomial is MotionCor2's, not RELION's third-order
 * one. Stateless.
 */
final class MotionMetadata {

    private MotionMetadata() {
    }

    /** Whether the movie carries the global shifts this file needs. */
    static boolean available(Movie movie) {
        double[] x = Attributes.numbers(movie.attributes(), "shiftsX_px");
        double[] y = Attributes.numbers(movie.attributes(), "shiftsY_px");
        return x != null && y != null && x.length == y.length && x.length > 0;
    }

    static void write(Path out, Movie movie, Micrograph mic, ExportFolder folder) throws IOException {
        double[] x = Attributes.numbers(movie.attributes(), "shiftsX_px");
        double[] y = Attributes.numbers(movie.attributes(), "shiftsY_px");
        double first = Attributes.number(movie.attributes(), "alignFrame0");
        int startFrame = Double.isNaN(first) ? 1 : (int) first;
        Map<String, String> general = new LinkedHashMap<>();
        general.put("rlnImageSizeX", String.valueOf(movie.width_px()));
        general.put("rlnImageSizeY", String.valueOf(movie.height_px()));
        general.put("rlnImageSizeZ", String.valueOf(movie.frames()));
        general.put("rlnMicrographMovieName", folder.data(movie.file(), "Movies"));
        if (movie.gainFile() != null && !movie.gainFile().isBlank()) {
            general.put("rlnMicrographGainName", folder.data(movie.gainFile(), "Movies"));
        }
        general.put("rlnMicrographBinning", StarNumbers.decimal(mic.samplingRate_Apx() / movie.samplingRate_Apx()));
        general.put("rlnMicrographOriginalPixelSize", StarNumbers.decimal(movie.samplingRate_Apx()));
        general.put("rlnMicrographDoseRate", StarNumbers.decimal(movie.dosePerFrame_ePerA2()));
        general.put("rlnMicrographPreExposure", StarNumbers.decimal(movie.doseInitial_ePerA2()));
        general.put("rlnVoltage", StarNumbers.decimal(movie.acquisition().voltage_kV()));
        general.put("rlnMicrographStartFrame", String.valueOf(startFrame));
        general.put("rlnMotionModelVersion", "0");
        StarBlock.Builder shifts = StarBlock.table("global_shift",
                List.of("rlnMicrographFrameNumber", "rlnMicrographShiftX", "rlnMicrographShiftY"));
        for (int i = 0; i < x.length; i++) {
            shifts.addRow(startFrame + i, StarNumbers.decimal(x[i]), StarNumbers.decimal(y[i]));
        }
        new StarFile(List.of(StarBlock.pairs("general", general), shifts.build())).write(out);
    }
}
