package org.scipionj.bench;

import java.util.Map;

/** The benchmarks besides the streaming one; each issue adds its own line here. */
final class BenchRegistry {

    private BenchRegistry() {
    }

    static void addTo(Map<String, Bench.Benchmark> all) {
        // e.g. all.put("image", ImageBenchmark::run);
        all.put("image-io", ImageIoBenchmark::run);
        all.put("fft", FftBenchmark::run);
        all.put("web", WebBenchmark::run);
        all.put("web-server", ServerLoadBenchmark::run);
        all.put("ctffind", CtfBenchmark::run);
        all.put("simulator", SimulatorBenchmark::run);
        all.put("picking", PickingBenchmark::run);
        all.put("motioncorr", MotionCorrBenchmark::run);
    }
}
