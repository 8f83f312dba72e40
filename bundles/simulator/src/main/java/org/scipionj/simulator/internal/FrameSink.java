package org.scipionj.simulator.internal;

import java.io.IOException;

/** Receives the frames of a movie in order. */
@FunctionalInterface
public interface FrameSink {

    /**
     * One frame: {@code width * height} values row by row (counts, or expected counts without noise). The array
     * is reused for the next frame: copy what must be kept.
     */
    void accept(int frame, float[] counts) throws IOException;
}
