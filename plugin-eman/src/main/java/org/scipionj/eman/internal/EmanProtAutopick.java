package org.scipionj.eman.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;

/**
 * Scipion's {@code EmanProtAutopick} ("boxer auto"; also answers to {@code EmanProtBoxing}, EMAN2's interactive
 * boxer, which in streaming runs the automatic picker with its defaults): picks each micrograph as it arrives.
 * Modes ({@code boxerMode}, Scipion's EMAN2 plugin's order): 0 local search and 3 gauss run the native
 * {@link BlobPicker}; 1 "by ref" runs {@link ReferencePicker} with the {@code references} stack; 2 neural net (Scipion's
 * default, here 0 is, so that a run works without EMAN2) needs an EMAN2 installation
 * (component property {@code eman2Home} or framework property {@value #EMAN2_PROPERTY}: the folder holding
 * {@code bin/e2boxer.py}) and then runs {@code e2boxer.py} ({@link E2BoxerProcessor}); without one it fails
 * validation. Outputs: {@code outputCoordinates} with scores and box size, plus {@code NAME.box} and
 * {@code NAME_autopick.star} per micrograph. Stateless; each run gets its own processor.
 */
@Component(service = Protocol.class, configurationPid = "org.scipionj.eman.internal.EmanProtAutopick")
@Designate(ocd = EmanProtAutopick.Config.class)
public final class EmanProtAutopick implements ItemProtocol {

    /** Framework property naming an EMAN2 installation folder (with {@code bin/e2boxer.py}). */
    static final String EMAN2_PROPERTY = "scipion.eman2.home";
    static final String INPUT = "inputMicrographs";
    static final int LOCAL = 0;
    static final int BY_REF = 1;
    static final int NEURAL_NET = 2;
    static final int GAUSS = 3;

    /** Facility settings of the protocol. */
    @ObjectClassDefinition(name = "Scipion-J EMAN2 picking", description = "Automatic picking (EmanProtAutopick)")
    @interface Config {
        @AttributeDefinition(name = "EMAN2 installation", description = "Folder of an EMAN2 installation (holding "
                + "bin/e2boxer.py), needed only for the neural-network mode; empty: none")
        String eman2Home() default "";
    }

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("eman.autopick", "Automatic picking (EMAN2 "
            + "boxer)", List.of("EmanProtAutopick", "EmanProtBoxing"), List.of(Slot.of(INPUT, Micrograph.class)),
            List.of(Slot.of(PickOutputs.OUTPUT, Coordinate.class)), List.of(
            Param.integer("boxSize", 128).range(8, 8192).label("Box size (px)")
                    .help("Box size written with the coordinates (EMAN .box files, extraction)."),
            Param.integer("particleSize", 100).range(4, 8192).label("Particle size (px)")
                    .help("Longest particle diameter on the micrograph, pixels; sets the filters, the "
                            + "non-maximum suppression distance (0.9 diameter) and the border (one radius)."),
            Param.choice("boxerMode", LOCAL, "local search", "by ref", "neural net", "gauss").label("Autopicker")
                    .help("local search and gauss: native blob picker; by ref: cross-correlation with the rotated "
                            + "references; neural net: EMAN2's e2boxer.py (needs an EMAN2 installation)."),
            Param.decimal("threshold", 4.0).label("Threshold")
                    .help("Least score kept, in standard deviations of the score map's background (local search, "
                            + "by ref; the neural net's own threshold in that mode). Lower picks more."),
            Param.decimal("threshold2", -5.0).label("Threshold2")
                    .help("Neural net mode: e2boxer's second threshold (particles against contamination)."),
            Param.decimal("gaussLow", 4.0).label("Gauss: lower threshold")
                    .help("Gauss mode: least score kept, on the native score scale (as threshold; Scipion's EMAN2 "
                            + "default 1.0 is on EMAN's scale)."),
            Param.decimal("gaussHigh", 0.0).min(0).label("Gauss: upper threshold")
                    .help("Gauss mode: scores above this are dropped as contamination; 0: no upper limit "
                            + "(Scipion's EMAN2 default 2.0 is on EMAN's scale)."),
            Param.decimal("gaussWidth", 1.0).range(0.2, 5).label("Gauss width")
                    .help("Scales the width of the blob filters (1: matched to the particle size)."),
            Param.path("references").label("References (MRC stack)")
                    .help("By ref mode: reference images (e.g. 2D class averages) with the micrograph's pixel size "
                            + "and contrast (Scipion-J)."),
            Param.decimal("angularStep", 15.0).range(1, 180).label("Reference rotation step (deg)")
                    .help("By ref mode: in-plane rotations of each reference (Scipion-J)."),
            Param.decimal("contaminationThreshold", 0.0).min(0).label("Contamination exclusion (sd)")
                    .help("Drop picks whose neighbourhood (one diameter) is darker, or varies more, than the "
                            + "micrograph's typical neighbourhood by this many robust standard deviations (ice "
                            + "contamination, carbon); 0: off (Scipion-J)."),
            Param.integer("maxParticles", 0).min(0).label("Most particles per micrograph")
                    .help("Keep at most this many picks per micrograph, best first; 0: all (Scipion-J)."),
            Param.ignored("streamingWarning", "a label in Scipion's form"),
            Param.bool("useGpu", false).notProvenance().label("Use GPU?")
                    .help("Neural net mode: run e2boxer on the GPU (--device=gpuN), else on the CPU."),
            Param.string("gpuList", "0").notProvenance().label("GPU id")
                    .help("Neural net mode with useGpu: the GPU e2boxer uses."),
            Param.ignored("goodRefs", "a set of averages: give the references as an MRC stack in 'references'"),
            Param.ignored("boxerProt", "a previous e2boxer run's trained networks are not linked; e2boxer uses "
                    + "those of its EMAN2 installation")));

    private final String eman2Home;

    /** The protocol with an EMAN2 installation folder, or none when {@code eman2Home} is null or blank. */
    EmanProtAutopick(String eman2Home) {
        this.eman2Home = eman2Home == null ? "" : eman2Home.trim();
    }

    @Activate
    public EmanProtAutopick(BundleContext context, Config config) {
        this(!config.eman2Home().isBlank() ? config.eman2Home() : context.getProperty(EMAN2_PROPERTY));
    }

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        int mode = p.choice("boxerMode");
        if (mode == NEURAL_NET && eman2Home.isEmpty()) {
            problems.add("boxerMode 2 (neural net) needs EMAN2's neural network, and no EMAN2 installation is "
                    + "configured: set the framework property " + EMAN2_PROPERTY + " (or the component's "
                    + "eman2Home) to the EMAN2 folder holding bin/e2boxer.py, or choose boxerMode 0 (local "
                    + "search), 1 (by ref, with references) or 3 (gauss)");
        }
        if (p.bool("useGpu") && mode != NEURAL_NET) {
            problems.add("useGpu applies only to boxerMode 2 (neural net); the native pickers run on the CPU");
        }
        if (mode == BY_REF && !p.has("references")) {
            problems.add("boxerMode 1 (by ref) needs references: an MRC stack of reference images");
        } else if (mode == BY_REF && !Files.isRegularFile(p.path("references"))) {
            problems.add("references " + p.path("references") + " is not a file");
        }
        if (p.integer("particleSize") > p.integer("boxSize") * 4) {
            problems.add("particleSize " + p.integer("particleSize") + " px is much larger than boxSize "
                    + p.integer("boxSize") + " px; both are in pixels of the micrograph");
        }
        return problems;
    }

    @Override
    public ItemProcessor open(RunContext run) throws Exception {
        Parameters p = run.parameters();
        int mode = p.choice("boxerMode");
        int box = (int) p.integer("boxSize");
        int size = (int) p.integer("particleSize");
        if (mode == NEURAL_NET) {
            Path script = Path.of(eman2Home, "bin", "e2boxer.py");
            if (!Files.isExecutable(script)) {
                throw new IllegalStateException("the configured EMAN2 installation " + eman2Home + " has no "
                        + "executable bin/e2boxer.py; fix " + EMAN2_PROPERTY + " or choose a native boxerMode");
            }
            run.log().info("picking with " + script);
            String device = p.bool("useGpu") ? "gpu" + p.string("gpuList").trim() : "cpu";
            return new E2BoxerProcessor(script, box, size, p.decimal("threshold"), p.decimal("threshold2"), device,
                    run.threads());
        }
        PickerSettings s = settings(p);
        if (mode == BY_REF) {
            List<Frame> refs = MrcFiles.readAll(p.path("references"));
            run.log().info("picking by " + refs.size() + " references every " + p.decimal("angularStep") + " deg");
            return new NativePickProcessor(new ReferencePicker(refs, s, p.decimal("angularStep")), box);
        }
        return new NativePickProcessor(new BlobPicker(s), box);
    }

    /** The native picker's settings from the run's parameters. */
    static PickerSettings settings(Parameters p) {
        double d = p.integer("particleSize");
        boolean gauss = p.choice("boxerMode") == GAUSS;
        double high = p.decimal("gaussHigh");
        return new PickerSettings(d, gauss ? p.decimal("gaussLow") : p.decimal("threshold"),
                gauss && high > 0 ? high : Double.POSITIVE_INFINITY, p.decimal("gaussWidth"), 0.9 * d, d / 2,
                p.decimal("contaminationThreshold"), true, (int) p.integer("maxParticles"));
    }
}
