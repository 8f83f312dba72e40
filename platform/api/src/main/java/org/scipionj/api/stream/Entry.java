package org.scipionj.api.stream;

import org.scipionj.api.item.Item;

/**
 * An item with its position in a set. Positions start at 1 and grow by one per append; a reader
 * keeps the last position it has seen as its cursor.
 *
 * @param seq position in the set
 * @param item the item
 * @param <T> item type
 */
public record Entry<T extends Item>(long seq, T item) {
}
