package org.scipionj.motioncorr.internal;

/**
 * The native motion correction of one movie, in three steps: pass 1 reads and bins the aligned frames
 * ({@link AlignmentData}); the global ({@link GlobalAlignment}) and, with patches, the local alignment
 * ({@link PatchAlignment}, {@link LocalModel}) measure the motion; pass 2 makes the sums ({@link SumBuilder}).
 * Stateless.
 */
final class MotionCorr {

    /**
     * Everything measured and made for one movie.
     *
     * @param motion global shifts and local model
     * @param sums the aligned sums
     * @param globalIterations iterations of the global alignment
     * @param patches the patch measurements, or null without patches
     * @param alignBin real-space binning used for alignment
     * @param timings where the time went
     */
    record Result(Motion motion, SumBuilder.Sums sums, int globalIterations, PatchAlignment.Result patches,
                  int alignBin, Timings timings) {
    }

    private MotionCorr() {
    }

    /**
     * @param sums whether to make the sums (pass 2); false measures the motion only
     * @param batch frames added together in pass 2
     */
    static Result run(MovieFrames frames, AlignSettings s, Workers workers, boolean sums, int batch)
            throws Exception {
        return run(frames, s, workers, sums, batch, true);
    }

    /** As above; {@code align} false skips the alignment: a plain sum of the frames (MotionCor2's -Align 0). */
    static Result run(MovieFrames frames, AlignSettings s, Workers workers, boolean sums, int batch, boolean align)
            throws Exception {
        Timings timings = new Timings();
        long start = System.nanoTime();
        if (!align) {
            Motion still = new Motion(s.alignFirst(), new double[s.alignedFrames()][2], null);
            SumBuilder.Sums made = sums ? SumBuilder.build(frames, s, still, workers, timings, batch) : null;
            timings.add("total", System.nanoTime() - start);
            return new Result(still, made, 0, null, 1, timings);
        }
        AlignmentData data = AlignmentData.read(frames, s, workers, timings);
        long t1 = System.nanoTime();
        GlobalAlignment.Result global = GlobalAlignment.align(data, s, workers);
        long t2 = System.nanoTime();
        timings.add("global alignment", t2 - t1);
        PatchAlignment.Result patches = null;
        LocalModel local = null;
        if (s.local() && s.alignedFrames() >= 3) {
            patches = PatchAlignment.align(data, global.shifts(), s, workers, timings);
            long t3 = System.nanoTime();
            local = LocalModel.fit(patches, frames.width(), frames.height(), s.alignedFrames(), s.patchX(),
                    s.patchY());
            timings.add("local model fit", System.nanoTime() - t3);
        }
        int bin = data.bin();
        data.release();
        Motion motion = new Motion(s.alignFirst(), global.shifts(), local);
        SumBuilder.Sums made = sums ? SumBuilder.build(frames, s, motion, workers, timings, batch) : null;
        timings.add("total", System.nanoTime() - start);
        return new Result(motion, made, global.iterations(), patches, bin, timings);
    }
}
