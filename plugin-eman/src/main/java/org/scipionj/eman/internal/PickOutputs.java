package org.scipionj.eman.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemResult;

/**
 * Turns the picks of one micrograph into its outputs: the {@code NAME.box} and {@code NAME_autopick.star} files in
 * the run's output folder ({@link CoordinateFiles}) and one {@link Coordinate} per pick in {@code outputCoordinates}
 * (id {@code micrographId * 100000 + n}, n the 1-based rank by score; attributes: the two file names). Stateless.
 */
final class PickOutputs {

    static final String OUTPUT = "outputCoordinates";
    /** Coordinate ids are {@code micrographId * ID_STRIDE + n}. */
    static final long ID_STRIDE = 100_000;

    private PickOutputs() {
    }

    static ItemResult result(ItemContext context, Micrograph m, List<Pick> picks, int boxSize) throws IOException {
        String base = CoordinateFiles.baseName(m.file());
        Path box = context.outputDir().resolve(base + ".box");
        Path star = context.outputDir().resolve(base + "_autopick.star");
        CoordinateFiles.writeBox(box, picks, boxSize);
        CoordinateFiles.writeStar(star, picks);
        context.log(picks.size() + " particles picked on " + m.file());
        if (picks.isEmpty()) {
            return ItemResult.empty();
        }
        Map<String, Object> files = Map.of("boxFile", box.toString(), "starFile", star.toString());
        Item[] coords = new Item[Math.min(picks.size(), (int) ID_STRIDE - 1)];
        for (int i = 0; i < coords.length; i++) {
            Pick p = picks.get(i);
            coords[i] = new Coordinate(m.id() * ID_STRIDE + i + 1, m.id(), p.x(), p.y(), p.score(), boxSize, files);
        }
        return ItemResult.done(OUTPUT, coords);
    }
}
