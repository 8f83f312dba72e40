package org.example.powerspectrum;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * Power-spectrum statistics of each micrograph: mean and standard deviation of the central tile, mean power in
 * a low (0.02–0.1 Nyquist) and a high (0.25–0.5 Nyquist) band and their ratio (thick ice and strong drift damp
 * the high band), plus the radial profile as a text file. The output micrographs are the inputs with these
 * values added as attributes ({@code psLowBand}, {@code psHighBand}, {@code psHighLowRatio}, {@code psMean},
 * {@code psStd}, {@code psProfile}).
 * <p>
 * Registered as a DS component: the Scipion-J registry picks up every {@link Protocol} service, live.
 */
@Component(service = Protocol.class)
public final class ProtPowerSpectrumStats implements ItemProtocol {

    static final String INPUT = "inputMicrographs";
    static final String OUTPUT = "outputMicrographs";

    @Override
    public ProtocolDescriptor descriptor() {
        return new ProtocolDescriptor("example.psstats", "Power-spectrum statistics (example plugin)",
                List.of("ExampleProtPowerSpectrumStats"),
                List.of(Slot.of(INPUT, Micrograph.class)),
                List.of(Slot.of(OUTPUT, Micrograph.class)),
                List.of(Param.integer("boxSize", 256L).range(32, 4096).label("Box size (px)")
                        .help("Side of the central tile analysed; rounded down to a power of two that fits")));
    }

    @Override
    public ItemProcessor open(RunContext run) {
        long requested = run.parameters().integer("boxSize");
        return (context, input) -> {
            Micrograph mic = (Micrograph) input;
            MrcImage image = MrcImage.read(Path.of(mic.file()));
            int box = largestPowerOfTwo((int) Math.min(requested, Math.min(image.width(), image.height())));
            if (box < 32) {
                return ItemResult.failed(mic.file() + " is " + image.width() + " x " + image.height()
                        + " px; at least 32 x 32 is needed", false);
            }
            PowerSpectrum.Stats stats = PowerSpectrum.of(image, box);
            Path profile = context.outputDir().resolve(baseName(mic.file()) + "_psprofile.txt");
            StringBuilder text = new StringBuilder("# radius_fraction_of_nyquist mean_power\n");
            for (int r = 0; r < stats.radial().length; r++) {
                text.append(String.format(java.util.Locale.ROOT, "%.4f %.6e%n", (double) r / stats.radial().length,
                        stats.radial()[r]));
            }
            Files.writeString(profile, text, StandardCharsets.UTF_8);
            context.log("box " + box + ": high/low power ratio " + stats.highLowRatio());
            Map<String, Object> attrs = new LinkedHashMap<>(mic.attributes());
            attrs.put("psLowBand", stats.lowBand());
            attrs.put("psHighBand", stats.highBand());
            attrs.put("psHighLowRatio", stats.highLowRatio());
            attrs.put("psMean", stats.mean());
            attrs.put("psStd", stats.std());
            attrs.put("psProfile", profile.toString());
            Item out = new Micrograph(mic.id(), mic.file(), mic.width_px(), mic.height_px(), mic.samplingRate_Apx(),
                    mic.acquisition(), mic.movieFile(), attrs);
            return ItemResult.done(OUTPUT, out);
        };
    }

    static int largestPowerOfTwo(int n) {
        return n <= 0 ? 0 : Integer.highestOneBit(n);
    }

    private static String baseName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
