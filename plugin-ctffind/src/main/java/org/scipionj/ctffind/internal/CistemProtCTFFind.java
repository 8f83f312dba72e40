package org.scipionj.ctffind.internal;

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
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * Scipion's {@code CistemProtCTFFind} (and the older grigoriefflab {@code ProtCTFFind}): estimates the CTF of each
 * micrograph as it arrives. Natively by default (CTFFIND4's algorithm, see {@link DefocusSearch}); with a CTFFIND4
 * executable when one is configured (component property {@code executable}, or the framework property
 * {@value #EXECUTABLE_PROPERTY}). Parameter names are Scipion's, so real workflows load; old-style values are
 * converted ({@link LegacyValues}). Stateless; each run gets its own processor.
 */
@Component(service = Protocol.class, configurationPid = "org.scipionj.ctffind.internal.CistemProtCTFFind")
@Designate(ocd = CistemProtCTFFind.Config.class)
public final class CistemProtCTFFind implements ItemProtocol {

    /** Framework property naming a CTFFIND4 executable to run instead of the native estimate. */
    static final String EXECUTABLE_PROPERTY = "scipion.ctffind.executable";
    static final String INPUT = "inputMicrographs";
    static final String OUTPUT = "outputCTF";

    /** Facility settings of the protocol. */
    @ObjectClassDefinition(name = "Scipion-J CTFFIND", description = "CTF estimation (CistemProtCTFFind)")
    @interface Config {
        @AttributeDefinition(name = "CTFFIND4 executable", description = "Path of a CTFFIND 4.1 executable to run "
                + "instead of the native estimate; empty: native")
        String executable() default "";
    }

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("ctffind.ctffind4", "CTF estimation (CTFFIND4)",
            List.of("CistemProtCTFFind", "ProtCTFFind"), List.of(Slot.of(INPUT, Micrograph.class)),
            List.of(Slot.of(OUTPUT, CtfModel.class)), List.of(
            Param.integer("windowSize", 512).range(64, 4096).label("Box size (px)")
                    .help("Side of the amplitude spectrum computed from tiles of the micrograph (CTFFIND's 'size "
                            + "of amplitude spectrum to compute')."),
            Param.decimal("lowRes", 30.0).min(0).label("Lowest resolution (Å)")
                    .help("Low-resolution limit of the fit. Values below 1 are normalised frequencies (old "
                            + "ProtCTFFind) and are converted."),
            Param.decimal("highRes", 5.0).min(0).label("Highest resolution (Å)")
                    .help("High-resolution limit of the fit. Values below 1 are normalised frequencies (old "
                            + "ProtCTFFind) and are converted."),
            Param.decimal("minDefocus", 5000.0).min(0).label("Minimum defocus (Å)")
                    .help("Values below 100 are µm (old ProtCTFFind) and are converted."),
            Param.decimal("maxDefocus", 50000.0).min(0).label("Maximum defocus (Å)"),
            Param.decimal("stepDefocus", 500.0).min(1).label("Defocus search step (Å)"),
            Param.bool("slowSearch", false).label("Slower, more exhaustive search?")
                    .help("Search every astigmatism azimuth over the whole defocus range instead of taking the "
                            + "azimuth from the spectrum's symmetry."),
            Param.bool("fixAstig", true).label("Restrain astigmatism?")
                    .help("Penalise astigmatism much larger than the tolerated value, as CTFFIND does."),
            Param.decimal("astigmatism", 200.0).min(0).label("Tolerated astigmatism (Å)"),
            Param.bool("findPhaseShift", false).label("Find additional phase shift?")
                    .help("For phase-plate data."),
            Param.decimal("minPhaseShift", 0.0).label("Minimum phase shift (deg)"),
            Param.decimal("maxPhaseShift", 180.0).label("Maximum phase shift (deg)")
                    .help("Old ProtCTFFind workflows give the range in radians (up to π); it is converted."),
            Param.decimal("stepPhaseShift", 10.0).min(0).label("Phase shift search step (deg)"),
            Param.decimal("ctfDownFactor", 1.0).min(1).label("Downsampling factor")
                    .help("Fit at a pixel size of at least the micrograph's times this factor; old normalised "
                            + "frequencies refer to the downsampled micrograph."),
            Param.bool("amplitudeSpectrumInput", false).label("Inputs are amplitude spectra?")
                    .help("Each input file is a centred amplitude spectrum (e.g. RELION's _PS.mrc) and is fitted as "
                            + "it is, as CTFFIND's --amplitude-spectrum-input (Scipion-J)."),
            Param.choice("inputType", 1, "movies", "micrographs").label("Input type")
                    .help("Only micrographs are supported."),
            Param.ignored("avgFrames", "used only when estimating from movies, which is not supported"),
            Param.ignored("usePowerSpectra", "used only when estimating from movies, which is not supported"),
            Param.ignored("AutoDownsampling", "the fit always resamples to about 1.4 Å/px as CTFFIND 4.1 does"),
            Param.ignored("resamplePix", "the fit always resamples to about 1.4 Å/px as CTFFIND 4.1 does"),
            Param.ignored("useCtffind4", "the estimate is always CTFFIND4's"),
            Param.ignored("useCftfind4", "the estimate is always CTFFIND4's (Scipion's misspelt name)"),
            Param.ignored("recalculate", "Scipion's recalculation of chosen micrographs is not supported"),
            Param.ignored("sqliteFile", "Scipion's recalculation of chosen micrographs is not supported"),
            Param.ignored("streamingWarning", "a label in Scipion's form")));

    private final String executable;

    /**
     * The native protocol, or the external one when {@code executable} is not empty (for tests and benchmarks; the
     * runtime uses the DS constructor).
     */
    public CistemProtCTFFind(String executable) {
        this.executable = executable == null ? "" : executable.trim();
    }

    @Activate
    public CistemProtCTFFind(BundleContext context, Config config) {
        this(!config.executable().isBlank() ? config.executable() : context.getProperty(EXECUTABLE_PROPERTY));
    }

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (p.choice("inputType") != 1) {
            problems.add("inputType: only 1 (micrographs) is supported; estimate the CTF on motion-corrected "
                    + "micrographs");
        }
        if (p.integer("windowSize") % 2 != 0) {
            problems.add("windowSize " + p.integer("windowSize") + " must be even");
        }
        double low = p.decimal("lowRes");
        double high = p.decimal("highRes");
        double below = LegacyValues.NORMALISED_BELOW;
        if (low <= 0 || high <= 0) {
            problems.add("lowRes and highRes must be positive (Å, or normalised frequencies below 1)");
        } else if (low < below && high < below && low >= high) {
            problems.add("highRes " + high + " must be a higher frequency than lowRes " + low
                    + " (both are normalised frequencies, old ProtCTFFind style)");
        } else if (low >= below && high >= below && high >= low) {
            problems.add("highRes " + high + " must be a finer resolution than lowRes " + low + " (in Å: highRes < "
                    + "lowRes)");
        }
        if (p.decimal("minDefocus") >= p.decimal("maxDefocus")) {
            problems.add("minDefocus " + p.decimal("minDefocus") + " must be below maxDefocus "
                    + p.decimal("maxDefocus"));
        }
        if (p.bool("findPhaseShift") && (p.decimal("minPhaseShift") > p.decimal("maxPhaseShift")
                || p.decimal("stepPhaseShift") <= 0)) {
            problems.add("the phase shift search needs minPhaseShift <= maxPhaseShift and stepPhaseShift > 0");
        }
        if (p.bool("fixAstig") && p.decimal("astigmatism") <= 0) {
            problems.add("astigmatism (the tolerated astigmatism) must be positive when fixAstig is true");
        }
        return problems;
    }

    @Override
    public ItemProcessor open(RunContext run) throws Exception {
        LegacyValues values = new LegacyValues(run.parameters());
        values.notes().forEach(run.log()::info);
        if (executable.isEmpty()) {
            return new NativeCtfProcessor(values, run.parameters().bool("amplitudeSpectrumInput"),
                    new Workers(run.threads()));
        }
        Path program = Path.of(executable);
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("the configured CTFFIND executable " + program + " does not exist or "
                    + "is not executable; fix " + EXECUTABLE_PROPERTY + " (or the component's 'executable'), or "
                    + "clear it to use the native estimate");
        }
        run.log().info("running CTFFIND " + program + " for each micrograph");
        return new ExternalCtfProcessor(program, values, run.parameters().bool("amplitudeSpectrumInput"));
    }
}
