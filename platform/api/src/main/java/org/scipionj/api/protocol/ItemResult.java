package org.scipionj.api.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Item;

/**
 * The one outcome of processing an item: done (with output items per output slot), failed (with a reason
 * and whether retrying may help) or cancelled. Immutable.
 *
 * <pre>{@code
 * return ItemResult.done("outputMicrographs", micrograph);
 * return ItemResult.failed("movie has 3 frames but alignFrameN is 10", false);
 * }</pre>
 */
public final class ItemResult {

    /** The three possible outcomes. */
    public enum Kind { DONE, FAILED, CANCELLED }

    private final Kind kind;
    private final Map<String, List<Item>> outputs;
    private final String reason;
    private final boolean retryable;

    private ItemResult(Kind kind, Map<String, List<Item>> outputs, String reason, boolean retryable) {
        this.kind = kind;
        this.outputs = outputs;
        this.reason = reason;
        this.retryable = retryable;
    }

    /** Done, with items for one output slot. */
    public static ItemResult done(String slot, Item... items) {
        return builder().add(slot, items).build();
    }

    /** Done, with no output (the item was processed and produced nothing, e.g. no particles found). */
    public static ItemResult empty() {
        return new ItemResult(Kind.DONE, Map.of(), null, false);
    }

    public static ItemResult failed(String reason, boolean retryable) {
        return new ItemResult(Kind.FAILED, Map.of(), reason == null ? "unknown error" : reason, retryable);
    }

    public static ItemResult cancelled() {
        return new ItemResult(Kind.CANCELLED, Map.of(), "cancelled", false);
    }

    /** Collects items for several output slots. */
    public static Builder builder() {
        return new Builder();
    }

    public Kind kind() {
        return kind;
    }

    /** Output items per slot (empty unless DONE). */
    public Map<String, List<Item>> outputs() {
        return outputs;
    }

    /** Why the item failed or was cancelled, or null. */
    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Builds a DONE result. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Item>> outputs = new LinkedHashMap<>();

        public Builder add(String slot, Item... items) {
            List<Item> list = outputs.computeIfAbsent(slot, s -> new ArrayList<>());
            for (Item item : items) {
                list.add(item);
            }
            return this;
        }

        public ItemResult build() {
            Map<String, List<Item>> frozen = new LinkedHashMap<>();
            outputs.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new ItemResult(Kind.DONE, java.util.Collections.unmodifiableMap(frozen), null, false);
        }
    }
}
