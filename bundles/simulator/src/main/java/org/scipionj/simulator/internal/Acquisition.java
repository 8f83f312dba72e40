package org.scipionj.simulator.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scipionj.image.io.MrcWriter;
import org.scipionj.simulator.DatasetSummary;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.SimulationOptions;

/**
 * Writes a dataset into a folder as a microscope would: movie after movie at the interval, each appearing at once
 * (atomic rename) or, with slow-write, growing frame by frame under its final name. Before a movie appears its
 * {@code .truth.json} is written; {@code dataset.json} is rewritten after every movie; with gain, {@code gain.mrc}
 * and {@code defects.txt} are written first. Not thread-safe; one acquisition per folder.
 *
 * <p>Files: {@code movie_0001.mrc} (or {@code .tif}), {@code movie_0001.truth.json}, ..., {@code gain.mrc},
 * {@code defects.txt}, {@code dataset.json}.
 */
public final class Acquisition {

    /** Gain reference file name. */
    public static final String GAIN = "gain.mrc";
    /** Defect list file name. */
    public static final String DEFECTS = "defects.txt";

    private final SimulationOptions options;
    private final Path dir;
    private final PrintStream log;
    private final TruthFiles files = new TruthFiles();

    public Acquisition(SimulationOptions options, Path dir, PrintStream log) {
        this.options = options;
        this.dir = dir;
        this.log = log;
    }

    /** The file name of movie {@code index} (1-based). */
    public static String movieName(int index, SimulationOptions options) {
        return String.format(Locale.ROOT, "movie_%04d%s", index, options.format().extension());
    }

    /**
     * Writes every movie.
     *
     * @throws IllegalArgumentException if the folder cannot be used (a file, or it already holds a dataset)
     */
    public void run() throws IOException, InterruptedException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
        }
        if (Files.exists(dir.resolve(TruthFiles.DATASET))) {
            throw new IllegalArgumentException("--out " + dir + " already holds a dataset (" + TruthFiles.DATASET
                    + "); choose another folder or delete that one first");
        }
        Files.createDirectories(dir);
        SimulationOptions o = options;
        MovieSimulator sim = new MovieSimulator(o);
        String gain = o.gain() ? GAIN : null;
        String defects = o.gain() ? DEFECTS : null;
        if (o.gain()) {
            try (MrcWriter w = MrcWriter.to(dir.resolve(GAIN)).pixelSize(o.pixelSize_A())
                    .label("scipionj simulator gain reference: multiply raw frames by it")
                    .open(o.width(), o.height())) {
                w.write(sim.gainReference());
                w.commit();
            }
            Path tmp = dir.resolve("." + DEFECTS + ".part");
            Files.writeString(tmp, sim.defectList());
            Files.move(tmp, dir.resolve(DEFECTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> movies = new ArrayList<>();
        files.write(dir.resolve(TruthFiles.DATASET), summary(movies, false, gain, defects));
        log.printf(Locale.ROOT, "testdata: %d %s movie(s), %dx%d, %d frames, %.3g Å/px, %.3g e/Å²/frame, %s,"
                        + " seed %d, into %s%n", o.count(), o.preset().id(), o.width(), o.height(), o.frames(),
                o.pixelSize_A(), o.dosePerFrame_ePerA2(), o.format().id(), o.seed(), dir);
        long start = System.nanoTime();
        for (int i = 1; i <= o.count(); i++) {
            long due = start + (long) ((i - 1) * o.interval_s() * 1e9);
            sleepUntil(due);
            String name = movieName(i, o);
            String time = o.startTime() != null
                    ? Instant.parse(o.startTime()).plus(Duration.ofMillis(Math.round((i - 1) * o.interval_s() * 1e3)))
                    .toString()
                    : Instant.now().toString();
            MovieTruth truth = sim.plan(i, name, time, gain, defects);
            files.write(dir.resolve(MovieTruth.fileNameFor(name)), truth);
            long t0 = System.nanoTime();
            long clipped = writeMovie(sim, truth, dir.resolve(name));
            movies.add(name);
            files.write(dir.resolve(TruthFiles.DATASET), summary(movies, i == o.count(), gain, defects));
            log.printf(Locale.ROOT, "  %s  defocus %.2f/%.2f µm at %.0f°, drift %.1f px, %d particles  (%.1f s)%s%n",
                    name, truth.ctf().defocusU_A() / 1e4, truth.ctf().defocusV_A() / 1e4,
                    truth.ctf().defocusAngle_deg(), lastShift(truth), truth.particles().count(),
                    (System.nanoTime() - t0) / 1e9,
                    clipped > 0 ? ", " + clipped + " values clipped to the format" : "");
        }
        log.printf(Locale.ROOT, "testdata: %d movie(s) written in %.1f s; ground truth in *.truth.json, %s%n",
                o.count(), (System.nanoTime() - start) / 1e9, TruthFiles.DATASET);
    }

    private long writeMovie(MovieSimulator sim, MovieTruth truth, Path target)
            throws IOException, InterruptedException {
        SimulationOptions o = options;
        long t0 = System.nanoTime();
        try (MovieFiles out = MovieFiles.open(o.format(), target, o.width(), o.height(), o.frames(), o.pixelSize_A(),
                !o.slowWrite(), "scipionj simulator " + o.preset().id() + " seed " + o.seed() + " movie "
                        + truth.index())) {
            InterruptibleSink sink = (t, counts) -> {
                out.write(counts);
                if (o.slowWrite()) {
                    sleepUntil(t0 + (long) ((t + 1) * o.slowWrite_s() * 1e9 / o.frames()));
                }
            };
            sim.render(truth, sink);
            out.commit();
            return out.clippedValues();
        } catch (InterruptedIOException e) {
            throw e.cause;
        }
    }

    private DatasetSummary summary(List<String> movies, boolean complete, String gain, String defects) {
        return new DatasetSummary(DatasetSummary.SCHEMA, options.preset().id(), options.seed(), options.count(),
                complete, options, movies, gain, defects);
    }

    private static double lastShift(MovieTruth t) {
        double[] x = t.motion().shiftX_px();
        double[] y = t.motion().shiftY_px();
        return Math.hypot(x[x.length - 1], y[y.length - 1]);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** A frame sink that may sleep (slow-write pacing). */
    @FunctionalInterface
    private interface InterruptibleSink extends FrameSink {
        void write(int frame, float[] counts) throws IOException, InterruptedException;

        @Override
        default void accept(int frame, float[] counts) throws IOException {
            try {
                write(frame, counts);
            } catch (InterruptedException e) {
                throw new InterruptedIOException(e);
            }
        }
    }

    /** Carries an interruption through the frame sink. */
    private static final class InterruptedIOException extends IOException {
        private final InterruptedException cause;

        InterruptedIOException(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
