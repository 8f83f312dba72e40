package org.scipionj.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Test material for the plugin tests: noisy MRC movies and micrographs, workflows, hand-made bundles. */
final class PluginWorkflows {

    private PluginWorkflows() {
    }

    /** An {@code n x n x frames} float32 MRC of Gaussian noise (a movie, or a micrograph when frames is 1). */
    static Path noisyMrc(Path file, int n, int frames, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        ByteBuffer h = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, n).putInt(4, n).putInt(8, frames).putInt(12, 2).putInt(28, n).putInt(32, n).putInt(36, frames);
        h.putFloat(40, n * 1.1f).putFloat(44, n * 1.1f).putFloat(48, frames);
        h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII)).put(212, (byte) 0x44).put(213, (byte) 0x44);
        java.util.Random random = new java.util.Random(seed);
        ByteBuffer frame = ByteBuffer.allocate(n * n * 4).order(ByteOrder.LITTLE_ENDIAN);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(h.array());
            for (int z = 0; z < frames; z++) {
                frame.clear();
                for (int i = 0; i < n * n; i++) {
                    frame.putFloat((float) (10 + random.nextGaussian()));
                }
                out.write(frame.array());
            }
        }
        Files.move(tmp, file);
        return file;
    }

    /** Import movies (closes after {@code timeout} s without new files) then ProtMotionCorr, global only. */
    static String motionCorrWorkflow(Path movies, int timeoutSeconds) {
        return """
                [{"object.className": "ProtImportMovies", "object.id": "1", "filesPath": "%s", "filesPattern": "*.mrc",
                  "dataStreaming": true, "fileTimeout": 1, "timeout": %d, "samplingRate": 1.0, "dosePerFrame": 2.0},
                 {"object.className": "ProtMotionCorr", "object.id": "2", "inputMovies": "1.outputMovies",
                  "patchX": 0, "patchY": 0, "numberOfThreads": 1}]
                """.formatted(movies, timeoutSeconds);
    }

    /** A copy of a bundle jar with another Bundle-Version (an "upgrade" of the same code). */
    static Path withVersion(Path jar, Path copy, String version) throws IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream j = new JarOutputStream(out, manifest)) {
                for (var entries = in.entries(); entries.hasMoreElements(); ) {
                    java.util.jar.JarEntry e = entries.nextElement();
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    j.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    try (java.io.InputStream data = in.getInputStream(e)) {
                        data.transferTo(j);
                    }
                    j.closeEntry();
                }
            }
        }
        return copy;
    }

    /** A repository index with one plugin of one bundle (its SHA-256 computed). */
    static void index(Path repo, String name, String version, Path jar) throws IOException {
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(jar)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(repo.resolve("index.json"), """
                {"name": "test", "plugins": [{"name": "%s", "version": "%s", "description": "test",
                 "requires": {"api": "[1.0,2)", "plugins": []}, "bundles": [{"file": "%s", "sha256": "%s"}]}]}
                """.formatted(name, version, jar.getFileName(), sha));
    }

    /** A bundle that is only a manifest (enough to install and resolve it). */
    static Path manifestOnlyBundle(Path jar, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
