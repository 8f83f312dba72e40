package org.scipionj.api.item;

import java.util.Map;

/**
 * A movie: a stack of frames recorded for one exposure.
 *
 * @param id stable id, assigned by the import in the order files were found
 * @param file absolute path of the movie file
 * @param width_px frame width
 * @param height_px frame height
 * @param frames number of frames
 * @param samplingRate_Apx pixel size in Å/px
 * @param dosePerFrame_ePerA2 electron dose per frame (e/Å²)
 * @param doseInitial_ePerA2 dose received before the first frame (e/Å²)
 * @param acquisition optics
 * @param gainFile gain reference path, or null
 * @param darkFile dark reference path, or null
 * @param attributes extra values
 */
public record Movie(long id, String file, int width_px, int height_px, int frames, double samplingRate_Apx,
                    double dosePerFrame_ePerA2, double doseInitial_ePerA2, Acquisition acquisition,
                    String gainFile, String darkFile, Map<String, Object> attributes) implements Item {

    public Movie {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a movie needs a file");
        }
        acquisition = acquisition == null ? Acquisition.DEFAULT : acquisition;
        attributes = Items.freeze(attributes);
    }

    /** The same movie with another id. */
    public Movie withId(long newId) {
        return new Movie(newId, file, width_px, height_px, frames, samplingRate_Apx, dosePerFrame_ePerA2,
                doseInitial_ePerA2, acquisition, gainFile, darkFile, attributes);
    }
}
