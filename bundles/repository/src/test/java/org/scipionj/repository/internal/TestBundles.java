package org.scipionj.repository.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small real bundles (a manifest and nothing else) and repository indexes for the tests. */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle jar with the given manifest headers (Bundle-SymbolicName, Bundle-Version, Export-Package…). */
    static Path write(Path jar, Map<String, String> headers) throws IOException {
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

    static Map<String, String> bundle(String name, String version, String exports, String imports) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Bundle-SymbolicName", name);
        h.put("Bundle-Version", version);
        if (exports != null) {
            h.put("Export-Package", exports);
        }
        if (imports != null) {
            h.put("Import-Package", imports);
        }
        return h;
    }

    /** One index entry as JSON, with the file's real checksum. */
    static String entry(String name, String version, Path repo, String file, String api, String... requires)
            throws IOException {
        String req = String.join(",", java.util.Arrays.stream(requires).map(r -> "\"" + r + "\"").toList());
        return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"description\":\"test " + name + "\","
                + "\"requires\":{" + (api == null ? "" : "\"api\":\"" + api + "\",") + "\"plugins\":[" + req + "]},"
                + "\"bundles\":[{\"file\":\"" + file + "\",\"sha256\":\"" + BundleJar.sha256(repo.resolve(file)) + "\"}]}";
    }

    static void index(Path repo, String... entries) throws IOException {
        Files.writeString(repo.resolve("index.json"), "{\"name\":\"test\",\"plugins\":[" + String.join(",", entries)
                + "]}");
    }
}
