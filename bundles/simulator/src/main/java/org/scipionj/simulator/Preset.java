package org.scipionj.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A camera set-up to simulate: frame size, number of frames, pixel size and dose, with the file format the
 * camera usually writes. Every value can be overridden in {@link SimulationOptions}. Immutable.
 *
 * <pre>{@code
 * SimulationOptions o = SimulationOptions.builder(Preset.FALCON4).count(10).build();
 * }</pre>
 */
public enum Preset {

    /** A small test camera: 1024 x 1024, 24 frames, 1.0 Å/px, 2 e/Å² per frame (48 e/Å² in all). */
    SMALL(1024, 1024, 24, 1.0, 2.0, OutputFormat.MRC_INT16),
    /** Falcon 4 in counting mode: 4096 x 4096, 40 frames, 0.83 Å/px, 1 e/Å² per frame. */
    FALCON4(4096, 4096, 40, 0.83, 1.0, OutputFormat.MRC_INT16),
    /** Gatan K3 (super-resolution off): 5760 x 4092, 50 frames, 0.83 Å/px, 1 e/Å² per frame, TIFF. */
    K3(5760, 4092, 50, 0.83, 1.0, OutputFormat.TIFF);

    private final int width;
    private final int height;
    private final int frames;
    private final double pixelSize_A;
    private final double dosePerFrame_ePerA2;
    private final OutputFormat format;

    Preset(int width, int height, int frames, double pixelSize_A, double dosePerFrame_ePerA2, OutputFormat format) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.pixelSize_A = pixelSize_A;
        this.dosePerFrame_ePerA2 = dosePerFrame_ePerA2;
        this.format = format;
    }

    /** The name used on the command line: {@code small}, {@code falcon4}, {@code k3}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int frames() {
        return frames;
    }

    public double pixelSize_A() {
        return pixelSize_A;
    }

    public double dosePerFrame_ePerA2() {
        return dosePerFrame_ePerA2;
    }

    public OutputFormat format() {
        return format;
    }

    /**
     * The preset named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values when there is none
     */
    public static Preset fromId(String id) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; accepted: " + ids());
    }

    /** The accepted ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
