package org.scipionj.eman.internal;

import java.nio.file.Path;
import java.util.List;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReaders;

/** Picks each micrograph with a native {@link Picker}. Thread-safe: the picker is. */
final class NativePickProcessor implements ItemProcessor {

    private final Picker picker;
    private final int boxSize;

    NativePickProcessor(Picker picker, int boxSize) {
        this.picker = picker;
        this.boxSize = boxSize;
    }

    @Override
    public ItemResult process(ItemContext context, Item input) throws Exception {
        Micrograph m = (Micrograph) input;
        Frame image = MovieReaders.readImage(Path.of(m.file()));
        if (context.isCancelled()) {
            return ItemResult.cancelled();
        }
        List<Pick> picks = picker.pick(image);
        return PickOutputs.result(context, m, picks, boxSize);
    }
}
