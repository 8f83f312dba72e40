package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Micrograph;

class ProbesTest {

    @TempDir
    Path proc;

    private void write(long cpuBusy, long cpuIdle, long sectorsRead, long rx) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("stat"), "cpu  " + cpuBusy + " 0 0 " + cpuIdle + " 0 0 0 0 0 0\ncpu0 1 2 3 4\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 250 kB\n"
                + "SwapTotal: 200 kB\nSwapFree: 150 kB\n");
        Files.writeString(proc.resolve("diskstats"), "   8 0 sda 1 0 " + sectorsRead + " 0 2 0 2000 0 0 0 0\n"
                + "   8 1 sda1 1 0 " + sectorsRead + " 0 2 0 2000 0 0 0 0\n   7 0 loop0 1 0 999999 0 0 0 0 0 0 0 0\n");
        Files.writeString(proc.resolve("net/dev"), "Inter-| Receive | Transmit\n face |bytes packets\n"
                + "    lo: 5000000 1 0 0 0 0 0 0 5000000 1 0 0 0 0 0 0\n"
                + "  eth0: " + rx + " 1 0 0 0 0 0 0 1000 1 0 0 0 0 0 0\n");
    }

    @Test
    void systemProbeReadsProcAndGpus() throws IOException {
        SystemProbe probe = new SystemProbe(proc, cmd -> "0, 35, 4000, 16000, 61\n1, 90, 1, 2, 80\n", true, true, "",
                List.of("0"));
        write(100, 900, 0, 0);
        Map<String, Double> first = probe.sample(1000);
        assertNull(first.get("cpu"), "no CPU rate before two samples");
        assertEquals(75.0, first.get("mem"), 1e-9);
        assertEquals(25.0, first.get("swap"), 1e-9);
        assertEquals(35.0, first.get("gpu0_use"));
        assertEquals(25.0, first.get("gpu0_mem"));
        assertEquals(61.0, first.get("gpu0_temp"));
        assertFalse(first.containsKey("gpu1_use"), "only gpusToUse");
        write(400, 1000, 2_000_000, 3_000_000);
        Map<String, Double> second = probe.sample(3000);
        assertEquals(75.0, second.get("cpu"), 1e-9, "300 busy of 400 jiffies");
        assertEquals(2_000_000 * 512 / 2.0 / 1e6, second.get("diskRead_MBps"), 1e-9, "sda only, not sda1/loop0");
        assertEquals(1.5, second.get("netRx_MBps"), 1e-9, "eth0 only, not lo");
    }

    @Test
    void missingNvidiaSmiIsSkippedCleanly() throws IOException {
        write(1, 1, 0, 0);
        SystemProbe probe = new SystemProbe(proc, cmd -> SystemProbe.exec(List.of("no-such-nvidia-smi-here")),
                false, false, "", List.of());
        Map<String, Double> v = probe.sample(1000);
        assertTrue(v.keySet().stream().noneMatch(k -> k.startsWith("gpu")));
        assertNotNull(probe.gpuProblem());
        SystemProbe real = new SystemProbe(Path.of("/proc"), SystemProbe::exec, true, true, "", null);
        real.sample(1);
        assertTrue(real.sample(2000).containsKey("mem"), "this machine's /proc is read");
    }

    @Test
    void interfacesByNameOrScipionIndex() {
        SystemProbe p = new SystemProbe(proc, c -> "", false, true, "1", null);
        assertEquals(Set.of("eth0"), p.chosen(List.of("lo", "eth0", "eth1")));
        assertEquals(Set.of("eth1"), new SystemProbe(proc, c -> "", false, true, "eth1", null)
                .chosen(List.of("lo", "eth0", "eth1")));
        assertTrue(SystemProbe.isPartition("nvme0n1p1", Set.of("nvme0n1", "nvme0n1p1")));
        assertEquals(List.of("0", "1"), SystemProbe.gpuIds("0 1"));
        assertEquals(List.of("0", "2"), SystemProbe.gpuIds("0,2"));
    }

    @Test
    void residualGainSeparatesFixedPatternFromShotNoise() {
        int n = 128 * 128;
        Random r = new Random(1);
        double[] pattern = new double[n];
        for (int i = 0; i < n; i++) {
            pattern[i] = 1 + 0.05 * r.nextGaussian();
        }
        for (boolean withPattern : new boolean[] {false, true}) {
            double[] even = new double[n];
            double[] odd = new double[n];
            for (int i = 0; i < n; i++) {
                double g = withPattern ? pattern[i] : 1;
                even[i] = g * 200 + Math.sqrt(200) * r.nextGaussian(); // 20 frames x 10 counts, Poisson-like
                odd[i] = g * 200 + Math.sqrt(200) * r.nextGaussian();
            }
            ResidualGain rg = ResidualGain.of(even, odd);
            if (withPattern) {
                assertEquals(0.05, rg.std(), 0.005, "the 5 % fixed pattern, though shot noise is 7 % per half");
                assertTrue(rg.ratio1() > 1.15, "97.5/2.5 ratio of a 5 % pattern: " + rg.ratio1());
            } else {
                assertTrue(rg.std() < 0.01, "a flat detector has no residual gain: " + rg.std());
                assertTrue(rg.ratio1() < 1.05, "ratio1 " + rg.ratio1());
            }
        }
    }

    @Test
    void driftFromShiftsInPixelsOrAngstroms() {
        Micrograph px = new Micrograph(1, "/m.mrc", 10, 10, 2.0, null, null,
                Map.of("shiftsX_px", List.of(0.0, 3.0, 3.0, 3.0, 3.0, 3.0), "shiftsY_px", List.of(0, 4, 4, 4, 4, 8)));
        Drift d = Drift.of(px, 4);
        assertEquals(2 * (5 + 4), d.total_A(), 1e-9);
        assertEquals(2 * 5, d.early_A(), 1e-9);
        assertEquals(10, d.maxFrame_A(), 1e-9);
        Micrograph given = new Micrograph(2, "/m.mrc", 10, 10, 1.0, null, null, Map.of("totalDrift_A", 12.5));
        assertEquals(12.5, Drift.of(given, 4).total_A());
        assertFalse(Drift.of(new Micrograph(3, "/m.mrc", 1, 1, 1, null, null, Map.of()), 4).known());
    }
}
