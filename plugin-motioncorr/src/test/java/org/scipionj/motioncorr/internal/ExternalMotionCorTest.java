package org.scipionj.motioncorr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;

/** The external mode, with a fake MotionCor2: a script that records its arguments and writes MotionCor2's files. */
class ExternalMotionCorTest {

    @TempDir
    Path dir;

    /** A bash script standing in for MotionCor2 1.x: sums, a -Patch-Full.log in -LogDir, the stdout table. */
    Path fakeMotionCor(int exitCode) throws Exception {
        Path sum = dir.resolve("fake_sum.mrc");
        Frame f = new Frame(64, 64);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] = i % 7;
        }
        MrcFiles.write(sum, List.of(f), MrcMode.FLOAT32, 1.0);
        String script = """
                #!/bin/bash
                printf '%%s\\n' "$@" > "%s"
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -InMrc|-InTiff) in="$2"; shift 2;;
                    -OutMrc) out="$2"; shift 2;;
                    -LogDir) logdir="$2"; shift 2;;
                    -FmDose) dose="$2"; shift 2;;
                    *) shift;;
                  esac
                done
                echo "MotionCor2 fake"
                if [ %d -ne 0 ]; then echo "GPU 7 not found"; exit %d; fi
                cp "%s" "$out"
                [ -n "$dose" ] && cp "%s" "${out%%.mrc}_DW.mrc"
                name=$(basename "$in"); stem=${name%%.*}
                printf '# Patch based alignment\\n# Initial alignment based upon full frames\\n\\n' > "${logdir}${stem}-Patch-Full.log"
                printf '   1      0.50      0.25\\n   2      1.50     -0.75\\n   3      2.25     -1.25\\n   4      2.75     -1.50\\n' >> "${logdir}${stem}-Patch-Full.log"
                echo "Full-frame alignment shift"
                echo "...... Frame (  1) shift:     9.000      9.000"
                echo ""
                exit 0
                """.formatted(dir.resolve("args.txt"), exitCode, exitCode, sum, sum);
        Path exe = dir.resolve("MotionCor2_fake");
        Files.writeString(exe, script);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    Path movie() throws Exception {
        return new SyntheticMovie(64, 4, 2.0, 1).write(dir.resolve("movie_0001.mrc"), 2);
    }

    @Test
    void runsTheProgramWithEquivalentOptionsAndReadsItsShifts() throws Exception {
        Path exe = fakeMotionCor(0);
        Path file = movie();
        Contexts.Run run = Contexts.run(dir.resolve("run"), Map.of("motioncorPath", exe.toString(),
                "gpuList", "0 1", "doSaveUnweightedMic", true, "extraParams2", "-Bft 400 120 -GpuMemUsage 0.5"), 1);
        Movie movie = new Movie(5, file.toString(), 64, 64, 4, 1.1, 2.0, 0.5, null, null, null, Map.of());
        ItemResult r;
        try (ItemProcessor p = new ProtMotionCorr().open(run)) {
            assertTrue(p instanceof ExternalMotionCor);
            r = p.process(run.item(), movie);
        }
        assertEquals(ItemResult.Kind.DONE, r.kind(), r.reason());
        List<String> args = Files.readAllLines(dir.resolve("args.txt"));
        String line = String.join(" ", args);
        for (String expected : List.of("-InMrc " + file.toAbsolutePath(), "-Patch 5 5", "-FtBin 1", "-Tol 0.2",
                "-Group 1 4", "-PixSize 1.1", "-kV 300", "-Gpu 0 1", "-Throw 0", "-Trunc 0", "-InitDose 0.5",
                "-FmDose 2", "-SumRange 0.0 0.0", "-Bft 400 120 -GpuMemUsage 0.5")) {
            assertTrue(line.contains(expected), "missing '" + expected + "' in: " + line);
        }
        Movie out = (Movie) r.outputs().get(ProtMotionCorr.OUT_MOVIES).get(0);
        assertEquals(List.of(0.0, 1.0, 1.75, 2.25), out.attributes().get("shiftsX_px"));
        assertEquals(List.of(0.0, -1.0, -1.5, -1.75), out.attributes().get("shiftsY_px"));
        assertEquals("MotionCor2 (external)", out.attributes().get("alignment"));
        Micrograph dw = (Micrograph) r.outputs().get(ProtMotionCorr.OUT_DW).get(0);
        Micrograph plain = (Micrograph) r.outputs().get(ProtMotionCorr.OUT_MICS).get(0);
        assertTrue(Files.isRegularFile(Path.of(dw.file())) && dw.file().endsWith("000005_movie_0001_aligned_mic_DW.mrc"));
        assertTrue(Files.isRegularFile(Path.of(plain.file())));
        assertEquals(64, dw.width_px());
        assertTrue(Files.isRegularFile(Path.of((String) dw.attributes().get("plotGlobal"))));
        assertTrue(Files.isRegularFile(Path.of((String) dw.attributes().get("thumbnail"))));
        assertTrue(Files.readString(run.outputDir().resolve("000005_movie_0001_motioncor.log")).contains("fake"));
    }

    @Test
    void aFailingProgramFailsTheMovieWithItsOutput() throws Exception {
        Path exe = fakeMotionCor(3);
        Contexts.Run run = Contexts.run(dir.resolve("run"), Map.of("motioncorPath", exe.toString()), 1);
        Movie movie = new Movie(5, movie().toString(), 64, 64, 4, 1.0, 2.0, 0, null, null, null, Map.of());
        try (ItemProcessor p = new ProtMotionCorr().open(run)) {
            ItemResult r = p.process(run.item(), movie);
            assertEquals(ItemResult.Kind.FAILED, r.kind());
            assertTrue(r.reason().contains("exit code 3") && r.reason().contains("GPU 7 not found"), r.reason());
        }
    }

    @Test
    void theExecutableCanComeFromASystemProperty() {
        System.setProperty(ProtMotionCorr.EXECUTABLE_PROPERTY, "/nonexistent/MotionCor3");
        try {
            List<String> problems = new ProtMotionCorr().validate(Contexts.parametersUnchecked(Map.of()));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("/nonexistent/MotionCor3"));
        } finally {
            System.clearProperty(ProtMotionCorr.EXECUTABLE_PROPERTY);
        }
    }

    @Test
    void readsBothLogFormats() {
        double[][] log = MotionCorLog.parseLogFile(List.of("# full frame alignment", "   1      1.00     -2.00",
                "   2      1.50     -2.50"));
        assertArrayEquals(new double[] {0.5, -0.5}, log[1], 1e-12);
        double[][] out = MotionCorLog.parseStdout(List.of("Iteration  3  Error:     0.096", "",
                "Full-frame alignment shift", "...... Frame (  1) shift:     2.460      8.510",
                "...... Frame (  2) shift:     1.670      5.800", "", "Global shifts are corrected: 0.058726 sec"));
        assertEquals(2, out.length);
        assertArrayEquals(new double[] {-0.79, -2.71}, out[1], 1e-9);
    }
}
