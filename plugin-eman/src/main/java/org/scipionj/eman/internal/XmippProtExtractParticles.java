package org.scipionj.eman.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Particle;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * Scipion's {@code XmippProtExtractParticles}: cuts the particles of each micrograph as it arrives. The streamed
 * (first) input is {@code inputMicrographs}, so the unit of work is one micrograph (one stack, one STAR file);
 * {@code inputCoordinates} and the optional {@code ctfRelations} are joined by micrograph: the engine hands a
 * micrograph over only once the picking and CTF runs have dealt with it. Normalisation ({@code doNormalize},
 * {@code normType}, {@code backRadius}) is documented in {@link ParticleExtractor}; by default (Ramp) each particle's
 * background, outside a circle of half the box, has mean 0 and standard deviation 1 after a plane is subtracted.
 * Stateless.
 */
@Component(service = Protocol.class)
public final class XmippProtExtractParticles implements ItemProtocol {

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("eman.extract", "Particle extraction",
            List.of("XmippProtExtractParticles"), List.of(Slot.of("inputMicrographs", Micrograph.class),
            Slot.of(ExtractProcessor.COORDINATES, Coordinate.class),
            new Slot(ExtractProcessor.CTF, CtfModel.class, true)),
            List.of(Slot.of(ExtractProcessor.OUTPUT, Particle.class)), List.of(
            Param.integer("boxSize", 128).range(8, 4096).label("Particle box size (px)")
                    .help("Size of the extracted images, pixels after down-sampling."),
            Param.decimal("downFactor", 1.0).range(1, 16).label("Downsampling factor")
                    .help("A window of boxSize x downFactor micrograph pixels is Fourier-resized to boxSize."),
            Param.bool("doInvert", false).label("Invert contrast?")
                    .help("Multiply by -1: dark particles become white, as classification expects."),
            Param.bool("doNormalize", true).label("Normalize?")
                    .help("See normType; the background is outside a circle of backRadius."),
            Param.choice("normType", 2, "OldXmipp", "NewXmipp", "Ramp").label("Normalization type")
                    .help("OldXmipp: whole box mean 0, sd 1. NewXmipp: background mean 0, sd 1. Ramp: a plane "
                            + "fitted to the background is subtracted, then background mean 0, sd 1."),
            Param.decimal("backRadius", -1.0).label("Background radius (px)")
                    .help("Radius of the particle circle in final pixels; -1: half the box."),
            Param.bool("doRemoveDust", true).label("Dust removal?")
                    .help("After normalisation, values beyond ±thresholdDust are clamped to it."),
            Param.decimal("thresholdDust", 3.5).min(0).label("Dust threshold (sd)"),
            Param.bool("doFlip", false).label("Phase flip?")
                    .help("Flip the micrograph's phases by its CTF (from ctfRelations) before extraction; "
                            + "contrast is kept."),
            Param.choice("micsSource", 0, "same as picking", "other").label("Micrographs source")
                    .help("The micrographs always come from inputMicrographs here."),
            Param.choice("downsampleType", 0, "same as picking", "other", "original").label("Micrographs source")
                    .help("Older name of micsSource; the micrographs always come from inputMicrographs here."),
            Param.ignored("doSort", "sorting particles by Z-score is not done here"),
            Param.ignored("rejectionMethod", "sorting particles by Z-score is not done here"),
            Param.ignored("maxZscore", "sorting particles by Z-score is not done here"),
            Param.ignored("percentage", "sorting particles by Z-score is not done here"),
            Param.ignored("doBorders", "particles whose box leaves the micrograph are always skipped"),
            Param.ignored("streamingWarning", "a label in Scipion's form")));

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (p.bool("doNormalize") && p.decimal("backRadius") > p.integer("boxSize") / 2.0 * Math.sqrt(2)) {
            problems.add("backRadius " + p.decimal("backRadius") + " leaves no background in a " + p.integer("boxSize")
                    + " px box; use at most half the box diagonal, or -1 for half the box");
        }
        return problems;
    }

    @Override
    public ItemProcessor open(RunContext run) {
        Parameters p = run.parameters();
        ExtractionSettings s = settings(p);
        run.log().info("extracting " + s.boxSize() + " px boxes from " + s.window() + " px windows");
        return new ExtractProcessor(new ParticleExtractor(s), p.bool("doFlip"));
    }

    static ExtractionSettings settings(Parameters p) {
        return new ExtractionSettings((int) p.integer("boxSize"), p.decimal("downFactor"), p.bool("doInvert"),
                p.bool("doNormalize"), p.choice("normType"), p.decimal("backRadius"),
                p.bool("doRemoveDust") ? p.decimal("thresholdDust") : 0);
    }
}
