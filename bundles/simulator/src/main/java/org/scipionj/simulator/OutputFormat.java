package org.scipionj.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How movies are written. The pixel values are detector counts (electrons counted per pixel per frame) in every
 * format; only {@link #MRC_FLOAT32} can also hold the noise-free expected counts.
 */
public enum OutputFormat {

    /** MRC2014 stack, mode 2 (32-bit float), extension {@code .mrc}. */
    MRC_FLOAT32("mrc-float32", ".mrc"),
    /** MRC2014 stack, mode 1 (16-bit signed integer), counts clipped to 32767, extension {@code .mrc}. */
    MRC_INT16("mrc-int16", ".mrc"),
    /**
     * MRC2014 stack, mode 0 (8-bit integer), counts clipped to 127 so that readers taking mode 0 as signed
     * (MRC2014) and as unsigned (IMOD) read the same values; extension {@code .mrc}.
     */
    MRC_UINT8("mrc-uint8", ".mrc"),
    /**
     * Multi-page TIFF, LZW-compressed 8-bit unsigned counts (clipped to 255), one page per frame (as K2/K3 write),
     * extension {@code .tif}.
     */
    TIFF("tiff", ".tif");

    private final String id;
    private final String extension;

    OutputFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name used on the command line, e.g. {@code mrc-int16}. */
    public String id() {
        return id;
    }

    /** The file name extension, with its dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format named {@code id}.
     *
     * @throws IllegalArgumentException naming the accepted values when there is none
     */
    public static OutputFormat fromId(String id) {
        for (OutputFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; accepted: " + ids());
    }

    /** The accepted ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
