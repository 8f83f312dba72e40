package org.scipionj.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.scipionj.image.Frame;
import org.scipionj.image.io.MovieReader;
import org.scipionj.image.io.MovieReaders;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.image.io.TiffCompression;
import org.scipionj.image.io.TiffFiles;
import org.scipionj.image.io.TiffPixelType;

/**
 * {@code ./scipion bench image-io [size=4096] [frames=40] [formats=mrc-float32,mrc-int16,tiff-uint16-lzw,tiff-uint16-none]
 * [repeat=3] [threads=N] [dir=DIR] [keep=false]}: writes one movie per format (counting-detector-like Poisson frames, about
 * 1.5 e/px/frame), then reads each file (a) with plain sequential {@code FileChannel} reads and (b) frame by
 * frame into a float buffer through {@link MovieReaders}; reports both in MB/s of file bytes and their ratio
 * (goal: at least 0.8). Every file is read once before timing, so both come from the page cache; the best of
 * {@code repeat} runs counts. A last column reads the frames with {@code threads} threads (default: all cores)
 * sharing one reader, as a motion-correction job would. Not a test: it asserts nothing and prints figures.
 */
public final class ImageIoBenchmark {

    private static final double MB = 1e6;

    private ImageIoBenchmark() {
    }

    static void run(Map<String, String> opts) throws Exception {
        int size = Integer.parseInt(opts.getOrDefault("size", "4096"));
        int frames = Integer.parseInt(opts.getOrDefault("frames", "40"));
        int repeat = Integer.parseInt(opts.getOrDefault("repeat", "3"));
        List<String> formats = List.of(opts.getOrDefault("formats",
                "mrc-float32,mrc-int16,tiff-uint16-lzw,tiff-uint16-none").split(","));
        boolean keep = Boolean.parseBoolean(opts.getOrDefault("keep", "false"));
        int threads = Integer.parseInt(opts.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path dir = opts.containsKey("dir") ? Files.createDirectories(Path.of(opts.get("dir")))
                : Files.createTempDirectory("scipionj-bench-io");
        System.out.printf("Scipion-J image I/O benchmark: %dx%dx%d movies, Java %s, %d cores, max heap %d MB, in %s%n",
                size, size, frames, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, dir);
        System.out.printf("%-20s %8s %8s %11s %12s %6s %9s %15s %7s%n", "format", "file MB", "write s", "plain MB/s",
                "reader MB/s", "ratio", "Mpixel/s", "reader MB/s " + threads + "t", "ratio");
        try {
            for (String format : formats) {
                Path file = dir.resolve("movie-" + format + (format.startsWith("mrc") ? ".mrcs" : ".tif"));
                long t0 = System.nanoTime();
                write(format, file, size, frames);
                double writeS = (System.nanoTime() - t0) / 1e9;
                double fileMb = Files.size(file) / MB;
                plainRead(file); // warm the page cache
                readAllFrames(file);
                double plain = Double.MAX_VALUE;
                double reader = Double.MAX_VALUE;
                double parallel = Double.MAX_VALUE;
                for (int i = 0; i < repeat; i++) {
                    plain = Math.min(plain, plainRead(file));
                    reader = Math.min(reader, readAllFrames(file));
                    parallel = Math.min(parallel, readAllFramesParallel(file, threads));
                }
                System.out.printf("%-20s %8.0f %8.1f %11.0f %12.0f %6.2f %9.0f %15.0f %7.2f%n", format, fileMb, writeS,
                        fileMb / plain, fileMb / reader, plain / reader, (double) size * size * frames / reader / 1e6,
                        fileMb / parallel, plain / parallel);
                if (!keep) {
                    Files.delete(file);
                }
            }
        } finally {
            if (!keep) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private static void write(String format, Path file, int size, int frames) throws IOException {
        List<Frame> cache = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // NB: 4 distinct noise frames, reused, keep writing fast
            cache.add(counts(size, 1.5, 1234 + i));
        }
        switch (format) {
            case "mrc-float32" -> MrcFiles.write(file, frames, z -> cache.get(z % 4), MrcMode.FLOAT32, 0.83, "bench");
            case "mrc-int16" -> MrcFiles.write(file, frames, z -> cache.get(z % 4), MrcMode.INT16, 0.83, "bench");
            case "mrc-float16" -> MrcFiles.write(file, frames, z -> cache.get(z % 4), MrcMode.FLOAT16, 0.83, "bench");
            case "tiff-uint16-lzw" -> TiffFiles.write(file, frames, z -> cache.get(z % 4), TiffPixelType.UINT16, TiffCompression.LZW);
            case "tiff-uint16-none" -> TiffFiles.write(file, frames, z -> cache.get(z % 4), TiffPixelType.UINT16, TiffCompression.NONE);
            case "tiff-uint8-lzw" -> TiffFiles.write(file, frames, z -> cache.get(z % 4), TiffPixelType.UINT8, TiffCompression.LZW);
            case "tiff-uint16-deflate" -> TiffFiles.write(file, frames, z -> cache.get(z % 4), TiffPixelType.UINT16, TiffCompression.DEFLATE);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; use mrc-float32, mrc-int16,"
                    + " mrc-float16, tiff-uint16-lzw, tiff-uint16-none, tiff-uint16-deflate or tiff-uint8-lzw");
        }
    }

    /** Poisson counts with mean {@code lambda} per pixel (inversion; fine for small means). */
    private static Frame counts(int size, double lambda, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double limit = Math.exp(-lambda);
        Frame f = new Frame(size, size);
        float[] d = f.data();
        for (int i = 0; i < d.length; i++) {
            int k = 0;
            double p = rnd.nextDouble();
            while (p > limit) {
                p *= rnd.nextDouble();
                k++;
            }
            d[i] = k;
        }
        return f;
    }

    /** Seconds to read the whole file sequentially in 8 MB chunks. */
    private static double plainRead(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(8 << 20);
        long t0 = System.nanoTime();
        long total = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(buf)) >= 0) {
                total += n;
                buf.clear();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (total != Files.size(file)) {
            throw new IllegalStateException("read " + total + " bytes of " + file);
        }
        return s;
    }

    /** Seconds to read every frame with {@code threads} threads sharing one reader, one buffer per thread. */
    private static double readAllFramesParallel(Path file, int threads) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MovieReader r = MovieReaders.open(file)) {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    float[] buf = new float[r.width() * r.height()];
                    for (int z = next.getAndIncrement(); z < r.frames(); z = next.getAndIncrement()) {
                        r.readFrame(z, buf);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds to read every frame into one float buffer. */
    private static double readAllFrames(Path file) throws IOException {
        long t0 = System.nanoTime();
        double checksum = 0;
        try (MovieReader r = MovieReaders.open(file)) {
            float[] buf = new float[r.width() * r.height()];
            for (int z = 0; z < r.frames(); z++) {
                r.readFrame(z, buf);
                checksum += buf[z % buf.length];
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (Double.isNaN(checksum)) {
            System.out.println(Arrays.toString(new double[] {checksum})); // NB: keeps the reads observable
        }
        return s;
    }
}
