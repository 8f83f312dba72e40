package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.image.io.InvalidImageException;
import org.scipionj.image.io.MovieReader;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.image.io.MrcHeaderReader;

/**
 * The external per-movie processor of {@link ProtMotionCorr}: runs an installed MotionCor2/MotionCor3 with the
 * options of the run ({@link MotionCorCommand}) in a working folder, reads back its shifts ({@link MotionCorLog})
 * and sums, and writes the same outputs as the native path ({@link MovieOutputs}). The program's output is kept as
 * {@code NAME_motioncor.log} beside the outputs. Stopping the run kills the program. Thread-safe.
 */
final class ExternalMotionCor implements ItemProcessor {

    private final RunContext run;
    private final RunOptions options;
    private final Path executable;

    ExternalMotionCor(RunContext run, RunOptions options, Path executable) {
        this.run = run;
        this.options = options;
        this.executable = executable;
    }

    @Override
    public ItemResult process(ItemContext ctx, Item input) throws Exception {
        Movie movie = (Movie) input;
        Path file = Path.of(movie.file());
        int frames;
        double pixel;
        try (MovieReader reader = MovieReaders.open(file)) {
            frames = reader.frames();
            pixel = movie.samplingRate_Apx() > 0 ? movie.samplingRate_Apx() : reader.pixelSizeA();
        } catch (InvalidImageException e) {
            return ItemResult.failed(e.getMessage(), e.mayBeIncomplete());
        }
        AlignSettings s;
        try {
            s = options.settings(movie, frames, pixel);
        } catch (IllegalArgumentException e) {
            return ItemResult.failed(e.getMessage(), false);
        }
        String base = MovieOutputs.baseName(movie);
        Path out = ctx.outputDir();
        Path work = Files.createDirectories(out.resolve(base + "_motioncor"));
        Path sum = work.resolve(base + ".mrc");
        Path stdout = out.resolve(base + "_motioncor.log");
        List<String> command = MotionCorCommand.build(executable, movie, options, s, frames, pixel, sum, work);
        ctx.log("running " + String.join(" ", command));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(stdout.toFile()).start();
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            if (ctx.isCancelled()) {
                process.destroyForcibly();
                return ItemResult.cancelled();
            }
        }
        if (process.exitValue() != 0) {
            return ItemResult.failed(executable.getFileName() + " failed on " + file + " (exit code "
                    + process.exitValue() + "); its last lines: " + tail(stdout), false);
        }
        double[][] shifts = MotionCorLog.read(work, stdout, s.local());
        int expected = s.alignedFrames();
        if (shifts.length != expected) {
            ctx.log("MotionCor2 reported " + shifts.length + " frame shifts, " + expected + " frames were aligned");
        }
        Path dwSource = work.resolve(base + "_DW.mrc");
        Path plainFile = null;
        Path dwFile = null;
        if (options.writesDoseWeighted()) {
            dwFile = move(dwSource, out.resolve(base + "_aligned_mic_DW.mrc"));
        }
        if (options.writesUnweighted()) {
            plainFile = move(sum, out.resolve(base + "_aligned_mic.mrc"));
        }
        Path any = dwFile != null ? dwFile : plainFile;
        double micPixel = pixel * options.binFactor();
        if (any != null) {
            double p = MrcHeaderReader.read(any).pixelSizeA();
            micPixel = p > 0 ? p : micPixel;
        }
        deleteTree(work);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("program", executable.toString());
        details.put("processingTime_s", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        MovieOutputs.Aligned aligned = new MovieOutputs.Aligned(shifts, s.alignFirst(), s.sumFirst(), s.sumLast(),
                null, null, plainFile, dwFile, micPixel, null, "MotionCor2 (external)", details);
        return MovieOutputs.write(out, movie, options, aligned, pixel);
    }

    private static Path move(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            throw new IOException("MotionCor2 did not write " + from + "; see its output beside the micrographs");
        }
        return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
