package org.scipionj.eman.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Particle;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;

/**
 * Extracts the particles of one micrograph: its coordinates ({@code inputCoordinates}) and CTF
 * ({@code ctfRelations}, optional) are joined by exposure; the micrograph is phase-flipped when asked and a CTF is
 * there; every coordinate whose window fits is cut by {@link ParticleExtractor}; the images go to
 * {@code NAME_particles.mrcs} (float32) and a RELION particles file {@code NAME_particles.star}; one
 * {@link Particle} per image (id = the coordinate's id). Coordinates too close to the border are skipped and
 * counted in the item's log. Thread-safe (nothing shared between items).
 */
final class ExtractProcessor implements ItemProcessor {

    static final String COORDINATES = "inputCoordinates";
    static final String CTF = "ctfRelations";
    static final String OUTPUT = "outputParticles";

    private final ParticleExtractor extractor;
    private final boolean flip;

    ExtractProcessor(ParticleExtractor extractor, boolean flip) {
        this.extractor = extractor;
        this.flip = flip;
    }

    @Override
    public ItemResult process(ItemContext context, Item input) throws Exception {
        Micrograph m = (Micrograph) input;
        List<Coordinate> coords = new ArrayList<>();
        for (Item i : context.related(COORDINATES, m.id())) {
            coords.add((Coordinate) i);
        }
        CtfModel ctf = null;
        try {
            List<Item> c = context.related(CTF, m.id());
            ctf = c.isEmpty() ? null : (CtfModel) c.get(0);
        } catch (IllegalArgumentException notSet) {
            // NB: ctfRelations is optional; unset, the particles carry no CTF
        }
        if (coords.isEmpty()) {
            context.log("no coordinates on " + m.file());
            return ItemResult.empty();
        }
        if (flip && ctf == null) {
            return ItemResult.failed("doFlip is set but micrograph " + m.id() + " has no CTF in ctfRelations", false);
        }
        Frame image = MovieReaders.readImage(Path.of(m.file()));
        if (flip) {
            image = PhaseFlip.flipped(image, ctf, m.acquisition(), m.samplingRate_Apx());
        }
        ExtractionSettings s = extractor.settings();
        double pixel = s.pixelSize(m.samplingRate_Apx());
        String base = CoordinateFiles.baseName(m.file());
        Path stack = context.outputDir().resolve(base + "_particles.mrcs");
        List<Frame> images = new ArrayList<>();
        List<Particle> particles = new ArrayList<>();
        int skipped = 0;
        for (Coordinate c : coords) {
            Frame p = extractor.extract(image, c.x_px(), c.y_px());
            if (p == null) {
                skipped++;
                continue;
            }
            images.add(p);
            particles.add(new Particle(c.id(), m.id(), stack.toString(), images.size(), c.x_px(), c.y_px(),
                    s.boxSize(), pixel, ctf, java.util.Map.of("score", c.score())));
        }
        if (skipped > 0) {
            context.log(skipped + " of " + coords.size() + " coordinates skipped: their " + s.window()
                    + " px box does not fit in the micrograph");
        }
        if (particles.isEmpty()) {
            return ItemResult.empty();
        }
        MrcFiles.write(stack, images, MrcMode.FLOAT32, pixel, "Scipion-J particles of " + base);
        ParticleStar.write(context.outputDir().resolve(base + "_particles.star"), m, particles, ctf != null);
        context.log(particles.size() + " particles extracted from " + m.file());
        return ItemResult.done(OUTPUT, particles.toArray(new Item[0]));
    }
}
