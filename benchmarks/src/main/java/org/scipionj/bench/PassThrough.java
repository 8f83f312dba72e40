package org.scipionj.bench;

import java.util.List;
import java.util.function.LongConsumer;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Items;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * A per-item protocol that hands each movie on unchanged except for a timestamp: {@code sentNanos} is set just
 * before the result goes to the engine's commit, and {@code onReceive} sees, for each arriving item, how long
 * ago its upstream stamped it.
 */
final class PassThrough implements ItemProtocol {

    private final String className;
    private final LongConsumer onReceive;

    PassThrough(String className, LongConsumer onReceive) {
        this.className = className;
        this.onReceive = onReceive;
    }

    @Override
    public ProtocolDescriptor descriptor() {
        return new ProtocolDescriptor("bench." + className, className, List.of(className),
                List.of(Slot.of("inputMovies", Movie.class)), List.of(Slot.of("outputMovies", Movie.class)), List.of());
    }

    @Override
    public ItemProcessor open(RunContext run) {
        return (ctx, input) -> {
            long now = System.nanoTime();
            Object sent = input.attributes().get("sentNanos");
            if (sent instanceof Number n) {
                onReceive.accept(now - n.longValue());
            } else {
                onReceive.accept(-1);
            }
            Movie m = (Movie) input;
            Item out = new Movie(m.id(), m.file(), m.width_px(), m.height_px(), m.frames(), m.samplingRate_Apx(),
                    m.dosePerFrame_ePerA2(), m.doseInitial_ePerA2(), m.acquisition(), m.gainFile(), m.darkFile(),
                    Items.with(m.attributes(), "sentNanos", System.nanoTime()));
            return ItemResult.done("outputMovies", out);
        };
    }
}
