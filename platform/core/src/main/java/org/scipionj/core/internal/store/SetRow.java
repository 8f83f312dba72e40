package org.scipionj.core.internal.store;

import org.scipionj.api.stream.SetState;

/**
 * A set as stored.
 *
 * @param name {@code "runId.slot"}
 * @param runId producing run
 * @param slot output slot name
 * @param itemType item type simple name
 * @param state OPEN or CLOSED
 */
public record SetRow(String name, long runId, String slot, String itemType, SetState state) {
}
