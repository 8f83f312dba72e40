package org.scipionj.export.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Acquisition;
import org.scipionj.image.star.StarBlock;

/**
 * RELION 3.1+ optics groups: one {@code data_optics} row per distinct set of acquisition values (voltage, Cs,
 * amplitude contrast, pixel sizes, image size) and {@code opticsGroup} attribute, numbered from 1 in order of first
 * use and named {@code opticsGroupN}. The columns after {@code rlnOpticsGroupName} and {@code rlnOpticsGroup} are
 * chosen by the table the groups serve (see the factory methods). Not thread-safe.
 */
final class OpticsGroups {

    /** The item attribute that splits acquisitions into groups beyond their optics (e.g. EPU beam-shift groups). */
    static final String GROUP_ATTRIBUTE = "opticsGroup";

    private final List<String> columns;
    private final Map<List<String>, Integer> groups = new LinkedHashMap<>();

    private OpticsGroups(List<String> columns) {
        this.columns = columns;
    }

    /** For movies.star: original pixel size and optics. */
    static OpticsGroups forMovies() {
        return new OpticsGroups(List.of("rlnMicrographOriginalPixelSize", "rlnVoltage", "rlnSphericalAberration",
                "rlnAmplitudeContrast"));
    }

    /** For micrograph tables (corrected micrographs, micrographs_ctf.star): plus the micrograph pixel size. */
    static OpticsGroups forMicrographs() {
        return new OpticsGroups(List.of("rlnMicrographOriginalPixelSize", "rlnVoltage", "rlnSphericalAberration",
                "rlnAmplitudeContrast", "rlnMicrographPixelSize"));
    }

    /**
     * For particles.star: plus the image pixel size, box size and dimensionality, and
     * {@code rlnCtfDataArePhaseFlipped} when the images were phase-flipped at extraction.
     */
    static OpticsGroups forParticles(boolean phaseFlipped) {
        List<String> columns = new ArrayList<>(List.of("rlnMicrographOriginalPixelSize", "rlnVoltage",
                "rlnSphericalAberration", "rlnAmplitudeContrast", "rlnImagePixelSize", "rlnImageSize",
                "rlnImageDimensionality"));
        if (phaseFlipped) {
            columns.add("rlnCtfDataArePhaseFlipped");
        }
        return new OpticsGroups(List.copyOf(columns));
    }

    /**
     * The group number of one item.
     *
     * @param extra the values of the columns after the four optics ones (pixel sizes, image size), in order
     * @param label the item's {@code opticsGroup} attribute, or null
     */
    int group(double originalPixel, Acquisition a, List<String> extra, Object label) {
        List<String> values = new ArrayList<>(List.of(StarNumbers.decimal(originalPixel),
                StarNumbers.decimal(a.voltage_kV()), StarNumbers.decimal(a.sphericalAberration_mm()),
                StarNumbers.decimal(a.amplitudeContrast())));
        values.addAll(extra);
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " optics columns, " + values.size() + " values");
        }
        List<String> key = new ArrayList<>(values);
        key.add(label == null ? "" : label.toString());
        return groups.computeIfAbsent(key, k -> groups.size() + 1);
    }

    /** The {@code data_optics} block. */
    StarBlock block() {
        List<String> header = new ArrayList<>(List.of("rlnOpticsGroupName", "rlnOpticsGroup"));
        header.addAll(columns);
        StarBlock.Builder table = StarBlock.table("optics", header);
        groups.forEach((key, number) -> {
            List<Object> row = new ArrayList<>(List.of("opticsGroup" + number, number));
            row.addAll(key.subList(0, columns.size()));
            table.addRow(row.toArray());
        });
        return table.build();
    }

    int size() {
        return groups.size();
    }
}
