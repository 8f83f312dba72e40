package org.scipionj.monitor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Samples the machine from {@code /proc} (CPU, memory, swap, disk and network I/O) and GPUs through
 * {@code nvidia-smi}. Rates (CPU %, MB/s) are over the time since the previous sample, so the first sample has
 * none of them. Where {@code /proc} or {@code nvidia-smi} is missing the values are simply absent. Not thread-safe.
 */
final class SystemProbe {

    /** Runs a command and returns its standard output; throws IOException when it cannot run. */
    interface Command {
        String run(List<String> command) throws IOException;
    }

    private final Path proc;
    private final Command command;
    private final boolean disk;
    private final boolean network;
    private final String interfaces;
    private final List<String> gpus;
    private long[] lastCpu;
    private long[] lastIo;
    private long lastTime;
    private String gpuProblem;

    SystemProbe(Path proc, Command command, boolean disk, boolean network, String interfaces, List<String> gpus) {
        this.proc = proc;
        this.command = command;
        this.disk = disk;
        this.network = network;
        this.interfaces = interfaces == null ? "" : interfaces.trim();
        this.gpus = gpus;
    }

    /** Why GPUs are not sampled, or null. */
    String gpuProblem() {
        return gpuProblem;
    }

    Map<String, Double> sample(long nowMillis) {
        Map<String, Double> v = new LinkedHashMap<>();
        double dt = lastTime == 0 ? 0 : (nowMillis - lastTime) / 1000.0;
        lastTime = nowMillis;
        cpu(v);
        memory(v);
        long[] io = {0, 0, 0, 0};
        if (disk) {
            disk(io);
        }
        if (network) {
            network(io);
        }
        if (lastIo != null && dt > 0) {
            if (disk) {
                v.put("diskRead_MBps", (io[0] - lastIo[0]) / dt / 1e6);
                v.put("diskWrite_MBps", (io[1] - lastIo[1]) / dt / 1e6);
            }
            if (network) {
                v.put("netRx_MBps", (io[2] - lastIo[2]) / dt / 1e6);
                v.put("netTx_MBps", (io[3] - lastIo[3]) / dt / 1e6);
            }
        }
        lastIo = io;
        if (gpus != null) {
            gpu(v);
        }
        return v;
    }

    private List<String> lines(String name) {
        try {
            return Files.readAllLines(proc.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void cpu(Map<String, Double> v) {
        for (String line : lines("stat")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
                if (lastCpu != null && total > lastCpu[0]) {
                    v.put("cpu", 100.0 * (1 - (double) (idle - lastCpu[1]) / (total - lastCpu[0])));
                }
                lastCpu = new long[] {total, idle};
            }
        }
    }

    private void memory(Map<String, Double> v) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : lines("meminfo")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                try {
                    m.put(line.substring(0, colon), Long.parseLong(f[0]));
                } catch (NumberFormatException e) {
                    // not a number: ignored
                }
            }
        }
        Long total = m.get("MemTotal");
        Long avail = m.get("MemAvailable");
        if (total != null && avail != null && total > 0) {
            v.put("mem", 100.0 * (total - avail) / total);
        }
        Long swapTotal = m.get("SwapTotal");
        Long swapFree = m.get("SwapFree");
        if (swapTotal != null && swapFree != null) {
            v.put("swap", swapTotal == 0 ? 0 : 100.0 * (swapTotal - swapFree) / swapTotal);
        }
    }

    private void disk(long[] io) {
        List<String[]> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String line : lines("diskstats")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 10) {
                rows.add(f);
                names.add(f[2]);
            }
        }
        for (String[] f : rows) {
            String name = f[2];
            if (name.startsWith("loop") || name.startsWith("ram") || name.startsWith("dm-") || isPartition(name, names)) {
                continue;
            }
            io[0] += Long.parseLong(f[5]) * 512;
            io[1] += Long.parseLong(f[9]) * 512;
        }
    }

    /** sda1 of sda, nvme0n1p1 of nvme0n1. */
    static boolean isPartition(String name, Set<String> names) {
        for (String other : names) {
            if (!other.equals(name) && name.startsWith(other) && name.substring(other.length()).matches("p?\\d+")) {
                return true;
            }
        }
        return false;
    }

    private void network(long[] io) {
        Map<String, long[]> all = new LinkedHashMap<>();
        for (String line : lines("net/dev")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                if (f.length >= 9) {
                    all.put(line.substring(0, colon).trim(), new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])});
                }
            }
        }
        for (String name : chosen(List.copyOf(all.keySet()))) {
            long[] rt = all.get(name);
            io[2] += rt[0];
            io[3] += rt[1];
        }
    }

    /**
     * The interfaces named by the netInterfaces parameter: a name, Scipion's index into the interfaces in the
     * system's order ({@code /proc/net/dev}, lo usually first), or, when empty, all but lo.
     */
    Set<String> chosen(List<String> names) {
        if (interfaces.isEmpty()) {
            Set<String> all = new TreeSet<>(names);
            all.remove("lo");
            return all;
        }
        if (names.contains(interfaces)) {
            return Set.of(interfaces);
        }
        try {
            int i = (int) Double.parseDouble(interfaces);
            return i >= 0 && i < names.size() ? Set.of(names.get(i)) : Set.of();
        } catch (NumberFormatException e) {
            return Set.of();
        }
    }

    private void gpu(Map<String, Double> v) {
        String out;
        try {
            out = command.run(List.of("nvidia-smi", "--query-gpu=index,utilization.gpu,memory.used,memory.total,"
                    + "temperature.gpu", "--format=csv,noheader,nounits"));
        } catch (IOException e) {
            gpuProblem = "no GPU information: " + e.getMessage();
            return;
        }
        gpuProblem = null;
        for (String line : out.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 5) {
                continue;
            }
            String id = f[0].trim();
            if (!gpus.isEmpty() && !gpus.contains(id)) {
                continue;
            }
            try {
                v.put("gpu" + id + "_use", Double.parseDouble(f[1].trim()));
                double total = Double.parseDouble(f[3].trim());
                v.put("gpu" + id + "_mem", total > 0 ? 100.0 * Double.parseDouble(f[2].trim()) / total : 0);
                v.put("gpu" + id + "_temp", Double.parseDouble(f[4].trim()));
            } catch (NumberFormatException e) {
                // "[N/A]" on some boards: left out
            }
        }
    }

    /** Runs a command with a 20 s limit; fails when it is not installed or exits with an error. */
    static String exec(List<String> cmd) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(cmd.get(0) + " is not available");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not answer in 20 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(cmd.get(0) + " exited with " + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** GPU ids from Scipion's gpusToUse text ("0", "0 1", "0,1"). */
    static List<String> gpuIds(String text) {
        List<String> ids = new ArrayList<>();
        for (String s : (text == null ? "" : text).split("[,\\s]+")) {
            if (!s.isBlank()) {
                ids.add(s.trim());
            }
        }
        return ids;
    }
}
