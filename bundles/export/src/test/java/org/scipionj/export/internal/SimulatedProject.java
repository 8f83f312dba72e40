package org.scipionj.export.internal;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.RunStatus;
import org.scipionj.api.project.Session;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.core.internal.DefaultProtocolRegistry;
import org.scipionj.ctffind.internal.CistemProtCTFFind;
import org.scipionj.eman.internal.EmanProtAutopick;
import org.scipionj.eman.internal.XmippProtExtractParticles;
import org.scipionj.importer.internal.ProtImportMicrographs;
import org.scipionj.importer.internal.ProtImportMovies;
import org.scipionj.motioncorr.internal.ProtMotionCorr;
import org.scipionj.simulator.internal.TestDataCommand;

/**
 * A real project processed by the engine: two small simulated movies (512 px, 8 frames, 2 Å/px) imported, motion
 * corrected, CTF-estimated, picked and extracted by the real plugins (run 2 import, 3 motioncorr, 4 ctffind,
 * 5 picking, 6 extraction).
 */
final class SimulatedProject {

    static final String WORKFLOW = """
            [{"object.className": "ProtImportMovies", "object.id": "2", "filesPath": "%s", "filesPattern": "movie_*.mrc",
              "dataStreaming": false, "voltage": 300, "sphericalAberration": 2.7, "amplitudeContrast": 0.07,
              "samplingRate": 2.0, "dosePerFrame": 4.0},
             {"object.className": "ProtMotionCorr", "object.id": "3", "inputMovies": "2.outputMovies", "patchX": 0,
              "patchY": 0, "doApplyDoseFilter": true, "doSaveUnweightedMic": true, "numberOfThreads": 1},
             {"object.className": "CistemProtCTFFind", "object.id": "4", "windowSize": 256, "lowRes": 30.0,
              "highRes": 6.0, "minDefocus": 5000.0, "maxDefocus": 40000.0, "numberOfThreads": 1,
              "inputMicrographs": "3.outputMicrographsDoseWeighted"},
             {"object.className": "EmanProtAutopick", "object.id": "5", "boxerMode": 0, "particleSize": 75,
              "boxSize": 100, "threshold": 3.0, "inputMicrographs": "3.outputMicrographsDoseWeighted"},
             {"object.className": "XmippProtExtractParticles", "object.id": "6", "boxSize": 64, "downFactor": 1.0,
              "doInvert": true, "inputMicrographs": "3.outputMicrographsDoseWeighted",
              "inputCoordinates": "5.outputCoordinates", "ctfRelations": "4.outputCTF"}]
            """;

    private SimulatedProject() {
    }

    /** The project service of {@code dir/user}, with the protocols of the workflow. */
    static DefaultProjectService service(Path dir) throws ReflectiveOperationException {
        DefaultProtocolRegistry registry = new DefaultProtocolRegistry();
        registry.add(new ProtImportMovies(), "import test");
        registry.add(new ProtImportMicrographs(), "import test");
        registry.add(new ProtMotionCorr(), "motioncorr test");
        registry.add(new CistemProtCTFFind((String) null), "ctffind test");
        registry.add(autopick(), "eman test");
        registry.add(new XmippProtExtractParticles(), "eman test");
        return new DefaultProjectService(dir.resolve("user"), registry, 2);
    }

    /** Simulates the movies, creates the project "export", processes it to the end and returns it open. */
    static Project create(DefaultProjectService projects, Path dir) throws Exception {
        Path movies = dir.resolve("movies");
        int code = new TestDataCommand().apply(new String[] {"--generate", "small", "--out", movies.toString(),
            "--count", "2", "--size", "512", "--frames", "8", "--pixel-size", "2", "--dose", "4", "--gain", "off",
            "--particles", "12", "--seed", "7"});
        if (code != 0 || !Files.isRegularFile(movies.resolve("movie_0002.mrc"))) {
            throw new IllegalStateException("testdata failed with " + code);
        }
        Project p = projects.create("export", WORKFLOW.formatted(movies), "SimulatedProject");
        p.schedule();
        Session s = p.start();
        if (!s.awaitEnd(Duration.ofMinutes(3))) {
            s.shutdown();
            throw new IllegalStateException("the project did not finish in 3 minutes: " + p.runs());
        }
        for (RunInfo r : p.runs()) {
            if (r.status() != RunStatus.FINISHED || r.failed() > 0) {
                throw new IllegalStateException("run " + r.id() + " " + r.className() + " ended " + r.status()
                        + " with " + r.failed() + " failures: " + r.error() + " " + p.failures(r.id(), 5));
            }
        }
        return p;
    }

    /** The picker without an EMAN2 installation (its test constructor is package-private). */
    private static Protocol autopick() throws ReflectiveOperationException {
        Constructor<EmanProtAutopick> c = EmanProtAutopick.class.getDeclaredConstructor(String.class);
        c.setAccessible(true);
        return c.newInstance("");
    }
}
