package dev.numgen.server.devissuer;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.function.Supplier;

/**
 * The development issuer's signing key kept in a file (a JWK with its private part), so that the nodes of a local
 * cluster sign and verify with one key. The first node to start creates it; nodes starting at the same moment never
 * overwrite each other's key, the later ones read the file the first one published.
 */
final class SharedSigningKey {

    private SharedSigningKey() {}

    static RSAKey readOrCreate(Path file, Supplier<RSAKey> newKey) {
        try {
            if (!Files.exists(file)) {
                publish(file, newKey.get());
            }
            return JWK.parse(Files.readString(file, StandardCharsets.UTF_8)).toRSAKey();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development issuer's key file " + file, e);
        } catch (ParseException | IllegalStateException e) {
            throw new IllegalStateException("The development issuer's key file " + file + " holds no RSA JWK", e);
        }
    }

    private static void publish(Path file, RSAKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, ".dev-issuer-key", ".tmp");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(draft, key.toJSONString(), StandardCharsets.UTF_8);
            // A hard link fails if the file exists: the first node's key wins and is never replaced.
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
            // Another node published first; use its key.
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
