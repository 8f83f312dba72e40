package org.scipionj.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./scipion bench [NAME] [key=value ...]}: runs one benchmark and prints its figures. Names:
 * {@code streaming} (default), {@code image}, {@code simulator}. Benchmarks assert nothing.
 */
public final class Bench {

    private Bench() {
    }

    /** One benchmark: reads its options and prints what it measured. */
    interface Benchmark {
        void run(Map<String, String> options) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 && !args[0].contains("=") ? args[0] : "streaming";
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("streaming", StreamingBenchmark::run);
        BenchRegistry.addTo(all);
        Benchmark b = all.get(name);
        if (b == null) {
            System.err.println("unknown benchmark '" + name + "'; available: " + String.join(", ", all.keySet()));
            System.exit(1);
        }
        b.run(options);
    }
}
