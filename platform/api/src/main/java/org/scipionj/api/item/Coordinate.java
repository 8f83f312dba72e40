package org.scipionj.api.item;

import java.util.Map;

/**
 * A particle position picked on a micrograph.
 *
 * @param id id within its set
 * @param micrographId id of the micrograph it lies on
 * @param x_px x of the particle centre, pixels
 * @param y_px y of the particle centre, pixels
 * @param score picker score (higher is better)
 * @param boxSize_px box size used for extraction
 * @param attributes extra values
 */
public record Coordinate(long id, long micrographId, double x_px, double y_px, double score, int boxSize_px,
                         Map<String, Object> attributes) implements Item {

    public Coordinate {
        attributes = Items.freeze(attributes);
    }

    /** The micrograph this coordinate lies on. */
    @Override
    public long groupId() {
        return micrographId;
    }
}
