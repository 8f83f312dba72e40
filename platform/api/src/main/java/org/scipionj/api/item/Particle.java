package org.scipionj.api.item;

import java.util.Map;

/**
 * One extracted particle image: a slice of a particle stack (MRCS) cut from a micrograph.
 *
 * @param id id within its set
 * @param micrographId id of the micrograph it was cut from
 * @param stackFile absolute path of the MRCS stack holding the image
 * @param stackIndex 1-based index of the image in the stack (RELION's {@code N@stack.mrcs})
 * @param x_px x of the particle centre on the micrograph, pixels of the micrograph
 * @param y_px y of the particle centre on the micrograph, pixels of the micrograph
 * @param boxSize_px box size of the extracted image
 * @param samplingRate_Apx pixel size of the extracted image (after any down-sampling)
 * @param ctf the micrograph's CTF, or null when none was given
 * @param attributes extra values
 */
public record Particle(long id, long micrographId, String stackFile, int stackIndex, double x_px, double y_px,
                       int boxSize_px, double samplingRate_Apx, CtfModel ctf, Map<String, Object> attributes)
        implements Item {

    public Particle {
        if (stackFile == null || stackFile.isBlank() || stackIndex < 1) {
            throw new IllegalArgumentException("a particle needs a stack file and a 1-based index");
        }
        attributes = Items.freeze(attributes);
    }

    /** The micrograph this particle comes from. */
    @Override
    public long groupId() {
        return micrographId;
    }
}
