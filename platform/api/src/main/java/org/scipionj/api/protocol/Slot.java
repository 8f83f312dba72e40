package org.scipionj.api.protocol;

import org.scipionj.api.item.Item;

/**
 * An input or output of a protocol: a name (as in Scipion's workflow JSON, e.g. {@code inputMovies},
 * {@code outputMicrographs}) and the item type it carries.
 *
 * @param name slot name
 * @param itemType item type
 * @param optional for inputs: whether a workflow may leave it unset
 */
public record Slot(String name, Class<? extends Item> itemType, boolean optional) {

    public Slot {
        if (name == null || name.isBlank() || itemType == null) {
            throw new IllegalArgumentException("a slot needs a name and an item type");
        }
    }

    public static Slot of(String name, Class<? extends Item> itemType) {
        return new Slot(name, itemType, false);
    }
}
