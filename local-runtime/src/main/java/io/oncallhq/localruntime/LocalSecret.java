package io.oncallhq.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret of the local run (the demo integration's key, the admin API token), kept in the data dir. It stays the
 * same from run to run, so a saved curl command or a configured monitoring tool keeps working.
 */
public final class LocalSecret {

    private static final int RANDOM_BYTES = 24; // 192 bits, 32 URL-safe characters

    private LocalSecret() {
    }

    /** The configured key if there is one, else the key saved in {@code file}, else a new one saved there. */
    public static String resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key + "\n");
            ownerOnly(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or save the secret in " + file, e);
        }
    }

    /** A credential: other local users need not read it. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile's ACLs already apply.
        }
    }
}
