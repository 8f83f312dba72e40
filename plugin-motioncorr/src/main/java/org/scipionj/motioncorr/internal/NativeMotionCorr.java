package org.scipionj.motioncorr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.image.io.GainOrientation;
import org.scipionj.image.io.InvalidImageException;

/**
 * The native per-movie processor of {@link ProtMotionCorr}: opens the movie with its gain, dark and defect
 * references, runs {@link MotionCorr} on the run's threads and writes the outputs ({@link MovieOutputs}). A movie
 * that cannot be read fails alone, with the reader's message. Thread-safe (no mutable state): the engine may
 * process several movies at once.
 */
final class NativeMotionCorr implements ItemProcessor {

    private final RunContext run;
    private final RunOptions options;

    NativeMotionCorr(RunContext run, RunOptions options) {
        this.run = run;
        this.options = options;
    }

    @Override
    public ItemResult process(ItemContext ctx, Item input) throws Exception {
        Movie movie = (Movie) input;
        Path file = Path.of(movie.file());
        long start = System.nanoTime();
        try (MovieFrames frames = MovieFrames.open(file, path(movie.gainFile()), path(movie.darkFile()),
                GainOrientation.of(options.gainRot(), options.gainFlip()), options.defectFile(), options.defectMap(),
                options.crop());
             Workers workers = new Workers(run.threads(), ctx::isCancelled)) {
            double pixel = movie.samplingRate_Apx() > 0 ? movie.samplingRate_Apx() : frames.headerPixelSize();
            if (!(pixel > 0)) {
                return ItemResult.failed(file + " has no pixel size (neither from the import nor in its header);"
                        + " set samplingRate in the import", false);
            }
            AlignSettings s = options.settings(movie, frames.frames(), pixel);
            MotionCorr.Result r = MotionCorr.run(frames, s, workers, options.saveMicrographs(),
                    batch(frames.width(), frames.height()), options.extra().align());
            SumBuilder.Sums sums = r.sums();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("globalIterations", r.globalIterations());
            details.put("alignBin", r.alignBin());
            if (sums != null && s.doseWeighting()) {
                details.put("doseWeightingRank", sums.rank());
            }
            LocalModel local = r.motion().local();
            details.put("processingTime_s", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            ctx.log(String.format("aligned %d frames (bin %d for alignment, %d global iterations)%s; %s",
                    s.alignedFrames(), r.alignBin(), r.globalIterations(), local == null ? ""
                            : String.format(", local model from %d of %d patches (rms %.2f px)", local.patchesUsed(),
                                    local.patches(), local.rmsResidual()), r.timings()));
            MovieOutputs.Aligned aligned = new MovieOutputs.Aligned(r.motion().global(), s.alignFirst(),
                    s.sumFirst(), s.sumLast(), sums == null ? null : sums.plain(),
                    sums == null ? null : sums.doseWeighted(), null, null,
                    sums == null ? pixel : sums.pixelSize(), local == null ? null : local.toMap(), "native", details);
            long t0 = System.nanoTime();
            ItemResult result = MovieOutputs.write(ctx.outputDir(), movie, options, aligned, pixel);
            ctx.log(String.format("outputs written in %.3f s", (System.nanoTime() - t0) / 1e9));
            return result;
        } catch (CancellationException e) {
            return ItemResult.cancelled();
        } catch (InvalidImageException e) {
            return ItemResult.failed(e.getMessage(), e.mayBeIncomplete());
        } catch (IllegalArgumentException e) {
            return ItemResult.failed(e.getMessage(), false);
        } catch (OutOfMemoryError e) {
            return ItemResult.failed("out of memory aligning " + file + "; give the runtime more heap (-Xmx in"
                    + " SCIPION_JAVA_OPTS) or fewer threads", true);
        } catch (IOException e) {
            return ItemResult.failed("cannot process " + file + ": " + e.getMessage(), true);
        }
    }

    /** Frames added together in pass 2: as many as fit in a third of the free heap, at most 8. */
    static int batch(int width, int height) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long frame = 4L * width * height;
        long reserved = 9 * frame; // NB: accumulators, spectra and outputs of pass 2
        return (int) Math.max(1, Math.min(8, (free / 3 - reserved) / frame));
    }

    private static Path path(String file) {
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
