package org.scipionj.eman.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;

/**
 * Picks each micrograph with an installed EMAN2's {@code e2boxer.py} (the neural-network mode), as Scipion's EMAN2
 * plugin runs it: in a folder of its own ({@code e2boxer/NAME} under the run's output folder), with the micrograph
 * linked in,
 * <pre>
 * e2boxer.py NAME.mrc --apix=A --no_ctf --boxsize=B --ptclsize=P --threads=N
 *            --autopick=auto_convnet:threshold=T:threshold2=T2 --device=cpu|gpuN --write_dbbox
 * </pre>
 * then reads the EMAN box file it writes ({@code NAME.box} anywhere under that folder); its log goes to
 * {@code e2boxer.log} there. A non-zero exit or no box file fails the item with the log's last lines.
 * Thread-safe (nothing shared between items).
 */
final class E2BoxerProcessor implements ItemProcessor {

    static final long TIMEOUT_MINUTES = 30;

    private final Path script;
    private final int boxSize;
    private final int particleSize;
    private final double threshold;
    private final double threshold2;
    private final String device;
    private final int threads;

    E2BoxerProcessor(Path script, int boxSize, int particleSize, double threshold, double threshold2, String device,
                     int threads) {
        this.script = script;
        this.boxSize = boxSize;
        this.particleSize = particleSize;
        this.threshold = threshold;
        this.threshold2 = threshold2;
        this.device = device;
        this.threads = threads;
    }

    @Override
    public ItemResult process(ItemContext context, Item input) throws Exception {
        Micrograph m = (Micrograph) input;
        String base = CoordinateFiles.baseName(m.file());
        Path dir = context.outputDir().resolve("e2boxer").resolve(base);
        Files.createDirectories(dir);
        Path source = Path.of(m.file()).toAbsolutePath();
        String name = source.getFileName().toString();
        Path link = dir.resolve(name);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, source);
        List<String> cmd = List.of(script.toString(), name,
                String.format(Locale.ROOT, "--apix=%.4f", m.samplingRate_Apx()), "--no_ctf", "--boxsize=" + boxSize,
                "--ptclsize=" + particleSize, "--threads=" + threads,
                String.format(Locale.ROOT, "--autopick=auto_convnet:threshold=%.2f:threshold2=%.2f", threshold,
                        threshold2), "--device=" + device, "--write_dbbox");
        context.log("running " + String.join(" ", cmd) + " in " + dir);
        Path log = dir.resolve("e2boxer.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return ItemResult.failed("e2boxer.py did not finish within " + TIMEOUT_MINUTES + " min; see " + log,
                    true);
        }
        if (p.exitValue() != 0) {
            return ItemResult.failed("e2boxer.py exited with " + p.exitValue() + ": " + tail(log), true);
        }
        Path box = findBox(dir, base);
        if (box == null) {
            return ItemResult.failed("e2boxer.py wrote no " + base + ".box under " + dir + ": " + tail(log), false);
        }
        List<Pick> picks = new ArrayList<>(CoordinateFiles.readBox(box));
        picks.sort((a, b) -> Double.compare(b.score(), a.score()));
        return PickOutputs.result(context, m, picks, boxSize);
    }

    private static Path findBox(Path dir, String base) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(base + ".box")).findFirst().orElse(null);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
