package org.scipionj.api.item;

import java.util.Map;

/**
 * A micrograph: one 2D image, usually the aligned sum of a movie.
 *
 * @param id stable id (the id of the movie it comes from)
 * @param file absolute path of the MRC file
 * @param width_px width
 * @param height_px height
 * @param samplingRate_Apx pixel size in Å/px
 * @param acquisition optics
 * @param movieFile the movie it was made from, or null
 * @param attributes extra values (drift, thumbnails, …)
 */
public record Micrograph(long id, String file, int width_px, int height_px, double samplingRate_Apx,
                         Acquisition acquisition, String movieFile, Map<String, Object> attributes) implements Item {

    public Micrograph {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a micrograph needs a file");
        }
        acquisition = acquisition == null ? Acquisition.DEFAULT : acquisition;
        attributes = Items.freeze(attributes);
    }
}
