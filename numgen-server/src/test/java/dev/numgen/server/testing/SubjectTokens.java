package dev.numgen.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.numgen.server.devissuer.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Tokens for callers other than the development issuer's one client: signed with that issuer's key, read from the key
 * file a test gives it ({@code numgen.security.dev-issuer.key-file}), for any token subject. The development issuer
 * names its client as every token's subject; a test of what numgen records per subject needs several.
 */
public final class SubjectTokens {

    private final Path keyFile;

    private SubjectTokens(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** A key file that does not exist yet, in a fresh directory: the issuer creates it when it starts. */
    public static SubjectTokens inNewKeyFile() {
        try {
            return new SubjectTokens(
                    Files.createTempDirectory("numgen-subjects-").resolve("dev-issuer-key.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path keyFile() {
        return keyFile;
    }

    /** A token of {@code issuer} for numgen, valid for five minutes, naming {@code subject} and carrying {@code scopes}. */
    public String token(DevIssuer issuer, String subject, String... scopes) {
        try {
            RSAKey key =
                    JWK.parse(Files.readString(keyFile, StandardCharsets.UTF_8)).toRSAKey();
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer.issuerUri())
                    .subject(subject)
                    .audience(DevIssuer.CLIENT_ID)
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("scope", List.of(scopes))
                    .build();
            return signed(key, claims);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development issuer's key file " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot sign with the key in " + keyFile, e);
        }
    }

    /** {@code claims} signed with {@code key} as the development issuer signs (RS256, the key's id in the header). */
    public static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
