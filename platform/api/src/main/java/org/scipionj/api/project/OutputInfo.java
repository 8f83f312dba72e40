package org.scipionj.api.project;

import org.scipionj.api.stream.SetState;

/**
 * One output set of a run, as last committed.
 *
 * @param name full set name, {@code "runId.outputName"}
 * @param itemType simple name of the item type
 * @param size committed items
 * @param state OPEN or CLOSED
 */
public record OutputInfo(String name, String itemType, long size, SetState state) {
}
