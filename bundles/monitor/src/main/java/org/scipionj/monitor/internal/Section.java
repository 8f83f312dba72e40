package org.scipionj.monitor.internal;

/** The parts a monitor samples and shows; {@code ProtMonitorSummary} has them all. */
enum Section {
    /** Runs table, rates, backlog, keep-up forecast, curation counts. */
    RUNS,
    /** CTF time series and histograms, CTF threshold alerts. */
    CTF,
    /** Drift per movie (from the motion-correction micrographs' attributes). */
    DRIFT,
    /** CPU, memory, swap, disk and network I/O, GPUs. */
    SYSTEM,
    /** Residual-gain statistics per movie. */
    GAIN,
    /** Latest micrographs with thumbnail, PSD and drift plot. */
    MICROGRAPHS
}
