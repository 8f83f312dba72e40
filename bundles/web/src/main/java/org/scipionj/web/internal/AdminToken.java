package org.scipionj.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin token: generated at each server start into {@code USER_DATA/runtime/admin.token} (owner-only
 * permissions), sent by clients as {@code Authorization: Bearer TOKEN}. The file is the one source: any process
 * of the user data folder checks against it. Thread-safe.
 */
final class AdminToken {

    static final String FILE = "admin.token";
    private final Path file;

    AdminToken(Path runtimeDir) {
        this.file = runtimeDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** Writes a fresh random token (256 bits, hex), readable by the owner only; returns it. */
    String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // NB: not a POSIX file system
            }
            Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token " + file + ": " + e.getMessage(), e);
        }
        return token;
    }

    /**
     * Checks an {@code Authorization} header.
     *
     * @throws WebException 401 saying what is missing or wrong
     */
    void check(String authorization) {
        String expected;
        try {
            expected = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new WebException(401, "admin actions are disabled: no admin token (" + file + "); they are "
                    + "available while 'scipion server' runs");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new WebException(401, "admin action: send 'Authorization: Bearer TOKEN' with the token from " + file);
        }
        byte[] given = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (expected.isEmpty() || !MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new WebException(401, "wrong admin token: use the one in " + file + " (it changes at each server start)");
        }
    }
}
