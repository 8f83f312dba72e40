package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.RunLog;
import org.scipionj.api.protocol.SourceContext;

class FileImportTest {

    @TempDir
    Path dir;
    final AtomicLong nanos = new AtomicLong();
    final Emitted out = new Emitted();

    @Test
    void streamingImportsOnlyStableFilesOnceAndClosesAfterTimeout() throws Exception {
        FileImport imp = importer(Map.of("dataStreaming", true, "fileTimeout", Duration.ofSeconds(10),
                "timeout", Duration.ofSeconds(60), "filesPattern", "*.mrcs"));
        TestMovies.mrc(dir.resolve("m1.mrcs"), 16, 12, 5);
        assertFalse(imp.poll(out).done());
        assertEquals(0, out.items.size(), "a file seen for the first time is not stable yet");
        tick(11);
        imp.poll(out);
        assertEquals(1, out.items.size());
        Movie m = (Movie) out.items.get(0);
        assertEquals(16, m.width_px());
        assertEquals(12, m.height_px());
        assertEquals(5, m.frames());
        assertEquals(1.5, m.samplingRate_Apx(), 1e-6, "pixel size from the header");
        assertEquals(1, m.id());
        imp.poll(out);
        assertEquals(1, out.items.size(), "never imported twice");

        // a file that keeps growing is not imported until it stops changing
        Path growing = dir.resolve("m2.mrcs");
        TestMovies.mrc(growing, 16, 12, 5);
        for (int i = 0; i < 4; i++) {
            tick(6);
            imp.poll(out);
            Files.write(growing, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
            Files.setLastModifiedTime(growing, java.nio.file.attribute.FileTime.fromMillis(1000L * i));
        }
        imp.poll(out);
        assertEquals(1, out.items.size(), "the last change was just seen");
        tick(11);
        imp.poll(out);
        assertEquals(2, out.items.size());

        tick(30); // m2 appeared 59 s ago (3 x 6 s + 11 s + 30 s)
        assertFalse(imp.poll(out).done());
        tick(2);
        assertTrue(imp.poll(out).done(), "no new file for the timeout closes the stream");
    }

    @Test
    void badFilesFailWithTheReasonAndImportGoesOn() throws Exception {
        FileImport imp = importer(Map.of("filesPattern", "*"));
        TestMovies.mrc(dir.resolve("good.mrc"), 16, 12, 5);
        TestMovies.truncatedMrc(dir.resolve("cut.mrc"), 16, 12, 5, 1024 + 100);
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertTrue(imp.poll(out).done(), "without streaming one look is enough");
        assertEquals(1, out.items.size());
        assertEquals(2, out.failed.size());
        assertTrue(out.failed.get(dir.resolve("cut.mrc").toString()).contains("header promises"),
                out.failed.toString());
        assertTrue(out.failed.get(dir.resolve("notes.txt").toString()).contains("unsupported"), out.failed.toString());
    }

    @Test
    void tiffMoviesNeedTheSamplingRateFromTheForm() throws Exception {
        TestMovies.tiff(dir.resolve("k3_001.tif"), 24, 16, 7);
        FileImport without = importer(Map.of("filesPattern", "*.tif"));
        without.poll(out);
        assertEquals(0, out.items.size());
        assertTrue(out.failed.get(dir.resolve("k3_001.tif").toString()).contains("no pixel size"), out.failed.toString());

        Emitted again = new Emitted();
        FileImport with = importer(Map.of("filesPattern", "*.tif", "samplingRate", 0.83));
        with.poll(again);
        assertEquals(1, again.items.size(), again.failed.toString());
        Movie m = (Movie) again.items.get(0);
        assertEquals(24, m.width_px());
        assertEquals(16, m.height_px());
        assertEquals(7, m.frames());
        assertEquals(0.83, m.samplingRate_Apx());
    }

    @Test
    void blacklistAndAcquisitionParameters() throws Exception {
        FileImport imp = importer(Map.of("filesPattern", "**/*.mrc", "blacklistRegex", "bad_",
                "samplingRate", 0.885, "dosePerFrame", 1.277, "voltage", 200.0));
        Files.createDirectories(dir.resolve("GridSquare_1/Data"));
        TestMovies.mrc(dir.resolve("GridSquare_1/Data/FoilHole_1.mrc"));
        TestMovies.mrc(dir.resolve("GridSquare_1/Data/bad_2.mrc"));
        imp.poll(out);
        assertEquals(1, out.items.size());
        Movie m = (Movie) out.items.get(0);
        assertEquals(0.885, m.samplingRate_Apx());
        assertEquals(1.277, m.dosePerFrame_ePerA2());
        assertEquals(200.0, m.acquisition().voltage_kV());
        assertTrue(out.failed.isEmpty());
    }

    @Test
    void micrographImportTakesSingleImagesAndRefusesStacks() throws Exception {
        Ctx run = new Ctx(params(Map.of("filesPattern", "*.mrc")));
        FileImport imp = new FileImport(run, BlacklistRules.from(run.parameters()), ProtImportMicrographs.OUTPUT,
                ItemMaker.MICROGRAPH, nanos::get);
        TestMovies.mrc(dir.resolve("mic.mrc"), 32, 24, 1);
        TestMovies.mrc(dir.resolve("stack.mrc"), 32, 24, 3);
        assertTrue(imp.poll(out).done());
        assertEquals(1, out.items.size());
        org.scipionj.api.item.Micrograph m = (org.scipionj.api.item.Micrograph) out.items.get(0);
        assertEquals(32, m.width_px());
        assertTrue(out.failed.get(dir.resolve("stack.mrc").toString()).contains("has 3 frames"), out.failed.toString());
        assertEquals(List.of(), new ProtImportMicrographs().descriptor().problems());
    }

    @Test
    void stopRequestClosesTheStream() throws Exception {
        Ctx run = new Ctx(params(Map.of("dataStreaming", true)));
        FileImport imp = new FileImport(run, BlacklistRules.from(run.parameters()), ProtImportMovies.OUTPUT, ItemMaker.MOVIE, nanos::get);
        assertFalse(imp.poll(out).done());
        run.stop = true;
        Poll poll = imp.poll(out);
        assertTrue(poll.done());
    }

    private void tick(long seconds) {
        nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    private FileImport importer(Map<String, Object> values) throws IOException {
        Ctx run = new Ctx(params(values));
        return new FileImport(run, BlacklistRules.from(run.parameters()), ProtImportMovies.OUTPUT, ItemMaker.MOVIE, nanos::get);
    }

    private Parameters params(Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : new ProtImportMovies().descriptor().params()) {
            values.put(p.name(), p.defaultValue());
        }
        values.put("filesPath", dir);
        values.putAll(given);
        return new Parameters(values);
    }

    /** Records what the import emits, like the engine would. */
    static final class Emitted implements SourceContext {
        final List<Item> items = new ArrayList<>();
        final Map<String, String> failed = new LinkedHashMap<>();
        final java.util.Set<String> keys = new java.util.HashSet<>();
        RunContext run;

        @Override
        public RunContext run() {
            return run;
        }

        @Override
        public boolean isKnown(String key) {
            return keys.contains(key);
        }

        @Override
        public long nextId() {
            return items.size() + 1;
        }

        @Override
        public boolean emit(String key, String slot, Item item) {
            if (!keys.add(key)) {
                return false;
            }
            items.add(item);
            return true;
        }

        @Override
        public void fail(String key, String reason) {
            keys.add(key);
            failed.put(key, reason);
        }
    }

    final class Ctx implements RunContext {
        final Parameters params;
        volatile boolean stop;

        Ctx(Parameters params) {
            this.params = params;
        }

        @Override
        public long runId() {
            return 2;
        }

        @Override
        public Parameters parameters() {
            return params;
        }

        @Override
        public Path runDir() {
            return dir.resolve("run");
        }

        @Override
        public Path outputDir() {
            return dir.resolve("run/extra");
        }

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public RunLog log() {
            return new RunLog() {
                @Override
                public void info(String message) {
                }

                @Override
                public void warn(String message) {
                }

                @Override
                public void error(String message, Throwable cause) {
                }
            };
        }

        @Override
        public boolean isStopRequested() {
            return stop;
        }
    }
}
