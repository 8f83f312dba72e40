package org.scipionj.ctffind.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.stream.Entry;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;
import org.scipionj.importer.internal.ProtImportMicrographs;

/**
 * A streaming project with the real engine: micrographs imported as they appear, CTF estimated one by one; a blank
 * micrograph is an output with Scipion's −999 values, not a failure that stops the run.
 */
class StreamingProjectTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Writes a micrograph as {@code file}.part and returns that path; moving it to {@code file} makes it appear. */
    private static Path prepare(Path file, double defocus, boolean blank) throws Exception {
        Frame frame;
        if (blank) {
            frame = new Frame(512, 512);
            Arrays.fill(frame.data(), 5f);
        } else {
            frame = SyntheticMicrographs.render(768, 1.0, new Microscope(300, 2.7, 0.1),
                    CtfParameters.ofUV(defocus + 200, defocus - 200, 20, 0), 80, 2, (long) defocus);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        MrcFiles.write(tmp, List.of(frame), MrcMode.FLOAT32, 1.0);
        return tmp;
    }

    @Test
    void estimatesEachMicrographAsItArrives(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.move(prepare(data.resolve("mic_1.mrc"), 9000, false), data.resolve("mic_1.mrc"));
        Files.move(prepare(data.resolve("mic_2.mrc"), 0, true), data.resolve("mic_2.mrc"));
        Path later = prepare(data.resolve("mic_3.mrc"), 15000, false);
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMicrographs(), "import");
        registry.add(new CistemProtCTFFind(""), "ctffind");
        DefaultProjectService projects = new DefaultProjectService(dir.resolve("userdata"), registry, 2);
        String workflow = """
                [{"object.className": "ProtImportMicrographs", "object.id": "2", "filesPath": "%s",
                  "filesPattern": "mic_*.mrc", "dataStreaming": true, "fileTimeout": 0, "timeout": 6},
                 {"object.className": "CistemProtCTFFind", "object.id": "3", "windowSize": 256,
                  "inputMicrographs": "2.outputMicrographs"}]""".formatted(data);
        try (Project p = projects.create("ctf", workflow, "test")) {
            p.schedule();
            Session s = p.start();
            Thread.sleep(1500);
            Files.move(later, data.resolve("mic_3.mrc")); // NB: appears while the project runs
            assertTrue(s.awaitEnd(Duration.ofSeconds(120)), "project ended");
            for (RunInfo r : p.runs()) {
                assertEquals(RunStatus.FINISHED, r.status(), r.id() + " " + r.label() + ": " + r.error());
            }
            Map<String, CtfModel> ctf = new TreeMap<>();
            for (Entry<?> e : p.set("3.outputCTF").orElseThrow().read(0, 100)) {
                CtfModel m = (CtfModel) e.item();
                ctf.put(Path.of(m.micrographFile()).getFileName().toString(), m);
            }
            assertEquals(List.of("mic_1.mrc", "mic_2.mrc", "mic_3.mrc"), List.copyOf(ctf.keySet()));
            assertEquals(9000, (ctf.get("mic_1.mrc").defocusU_A() + ctf.get("mic_1.mrc").defocusV_A()) / 2, 90);
            assertEquals(15000, (ctf.get("mic_3.mrc").defocusU_A() + ctf.get("mic_3.mrc").defocusV_A()) / 2, 150);
            assertEquals(-999, ctf.get("mic_2.mrc").defocusU_A());
            assertTrue(Files.isRegularFile(Path.of(ctf.get("mic_3.mrc").psdFile())));
        }
    }
}
