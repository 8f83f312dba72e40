package org.scipionj.repository.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Version;

/** A bundle file read from disk: its symbolic name, version and SHA-256. Immutable. */
public record BundleJar(Path path, String symbolicName, Version version, String sha256) {

    /** @throws PluginException when the file is not a readable jar with a Bundle-SymbolicName */
    public static BundleJar read(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new PluginException(jar + " is not a readable jar: " + e.getMessage());
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null) {
            throw new PluginException(jar + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest); "
                    + "build it with bnd (see examples/plugin-example)");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        Version v;
        try {
            v = version == null ? Version.emptyVersion : Version.parseVersion(version.trim());
        } catch (IllegalArgumentException e) {
            throw new PluginException(jar + " has an invalid Bundle-Version '" + version + "'");
        }
        return new BundleJar(jar, name.split(";")[0].trim(), v, sha256(jar));
    }

    /** The hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new PluginException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name in the installed-plugins folder: {@code NAME_VERSION.jar}. */
    public String installedName() {
        return symbolicName + "_" + version + ".jar";
    }
}
