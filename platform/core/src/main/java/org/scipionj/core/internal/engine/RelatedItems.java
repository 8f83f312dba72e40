package org.scipionj.core.internal.engine;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.Slot;
import org.scipionj.core.internal.store.ProjectStore;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.store.SetRow;
import org.scipionj.core.internal.store.SetSignals;
import org.scipionj.api.stream.SetState;

/**
 * Joins a run's secondary inputs to the item being processed by exposure ({@link Item#groupId()}). Because a
 * producer commits everything it made from one input atomically, items of a group that exist are complete;
 * when none exist yet, the join waits until the producer has recorded that exposure (done or failed) or its
 * output is closed. Thread-safe.
 */
final class RelatedItems {

    private static final long WAIT_MILLIS = 500;

    private final ProjectStore store;
    private final RunRecord run;
    private final ProtocolDescriptor descriptor;

    RelatedItems(ProjectStore store, RunRecord run, ProtocolDescriptor descriptor) {
        this.store = store;
        this.run = run;
        this.descriptor = descriptor;
    }

    /** Whether every secondary input of the run has what it will ever have of exposure {@code groupId}. */
    boolean ready(long groupId) {
        List<Slot> inputs = descriptor.inputs();
        for (Slot slot : inputs.subList(1, inputs.size())) {
            String setName = run.inputs().get(slot.name());
            if (setName != null && !ready(setName, slot, groupId)) {
                return false;
            }
        }
        return true;
    }

    private boolean ready(String setName, Slot slot, long groupId) {
        if (!store.group(setName, slot.itemType(), groupId).isEmpty()) {
            return true;
        }
        SetRow set = store.set(setName).orElse(null);
        return set != null && (set.state() == SetState.CLOSED || store.hasRecordedGroup(set.runId(), groupId));
    }

    List<Item> of(String inputSlot, long groupId, BooleanSupplier cancelled) throws InterruptedException {
        Slot slot = descriptor.input(inputSlot).orElseThrow(() -> new IllegalArgumentException(
                "'" + inputSlot + "' is not an input of " + descriptor.id()));
        String setName = run.inputs().get(inputSlot);
        if (setName == null) {
            throw new IllegalArgumentException("input '" + inputSlot + "' is not set for run " + run.id());
        }
        SetSignals.Signal signal = store.signals().of(setName);
        while (true) {
            long seen = signal.version();
            List<Item> items = List.copyOf(store.group(setName, slot.itemType(), groupId));
            if (!items.isEmpty()) {
                return items;
            }
            SetRow set = store.set(setName).orElse(null);
            if (set != null && (set.state() == SetState.CLOSED || store.hasRecordedGroup(set.runId(), groupId))) {
                return List.copyOf(store.group(setName, slot.itemType(), groupId));
            }
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped while waiting for " + setName + " of exposure " + groupId);
            }
            signal.awaitChange(seen, WAIT_MILLIS);
        }
    }
}
