package org.scipionj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.FftPlan;

/**
 * Times 2D real FFTs ({@code org.scipionj.image.fft}): one forward transform, and one forward plus inverse, of
 * square images, with one thread and with all of them; reports the median and the fastest of several runs after
 * a warm-up. With one thread all the work runs on the calling thread, so its CPU time is shown too: on a shared
 * machine it is steadier than the wall-clock time. Run with {@code ./scipion bench fft [sizes=4096,1024] [runs=9] [warmup=3] [threads=1,N]}.
 * Not a test: it asserts nothing and prints figures.
 */
public final class FftBenchmark {

    private FftBenchmark() {
    }

    static void run(Map<String, String> options) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int[] sizes = ints(options.getOrDefault("sizes", "4096,1024"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "9"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        int[] threadCounts = ints(options.getOrDefault("threads", cores > 1 ? "1," + cores : "1"));
        System.out.printf("Scipion-J FFT benchmark: real-to-complex 2D FFT (JTransforms 3.2 1D transforms, row-column),"
                + " Java %s, %d cores, max heap %d MiB; median (min) of %d runs after %d warm-up runs%n",
                System.getProperty("java.version"), cores, Runtime.getRuntime().maxMemory() >> 20, runs, warmup);
        System.out.printf("%-11s %8s %22s %22s %16s %12s%n", "size", "threads", "forward ms", "forward+inverse ms",
                "forward CPU ms", "round trip");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int before = Fft.threads();
        try {
            for (int n : sizes) {
                Frame image = random(n, n);
                for (int t : threadCounts) {
                    Fft.setThreads(t);
                    FftPlan plan = Fft.plan(n, n);
                    ComplexFrame spectrum = new ComplexFrame(n, n);
                    Frame back = new Frame(n, n);
                    for (int i = 0; i < warmup; i++) {
                        plan.forward(image, spectrum);
                        plan.inverseOverwriting(spectrum, back);
                    }
                    double[] forward = new double[runs];
                    double[] both = new double[runs];
                    double[] forwardCpu = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        long c0 = cpu.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        plan.forward(image, spectrum);
                        long t1 = System.nanoTime();
                        forwardCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                        plan.inverseOverwriting(spectrum, back);
                        long t2 = System.nanoTime();
                        forward[i] = (t1 - t0) / 1e6;
                        both[i] = (t2 - t0) / 1e6;
                    }
                    System.out.printf("%-11s %8d %22s %22s %16s %12.1e%n", n + "x" + n, t, figure(forward),
                            figure(both), t == 1 ? figure(forwardCpu) : "-", maxDifference(image, back));
                }
            }
        } finally {
            Fft.setThreads(before);
        }
    }

    private static String figure(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("%.1f (%.1f)", sorted[sorted.length / 2], sorted[0]);
    }

    private static Frame random(int w, int h) {
        Random r = new Random(42);
        Frame f = new Frame(w, h);
        float[] d = f.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return f;
    }

    private static double maxDifference(Frame a, Frame b) {
        double m = 0;
        for (int i = 0; i < a.data().length; i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    private static int[] ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
