package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.IsolatedNodeInitializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A token signed by the right key, from the right issuer, with the right scope, but issued for another service (its
 * {@code aud} names someone else) is refused on the filter chain's routes and on the issuing endpoint alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@ContextConfiguration(initializers = IsolatedNodeInitializer.class)
class AudienceCheckTest {

    private static final Path KEY_FILE;

    static {
        try {
            KEY_FILE = Files.createTempDirectory("numgen-audience-").resolve("dev-issuer-key.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void sharedKey(DynamicPropertyRegistry registry) {
        registry.add("numgen.security.dev-issuer.key-file", KEY_FILE::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer devIssuer;

    @Test
    void tokenForAnotherAudienceIsUnauthorized() throws Exception {
        String foreign = token(List.of("billing-service"));

        assertThat(status("/api/numbers?prefixKey=NOT-REGISTERED", foreign)).isEqualTo(401);
        assertThat(status("/api/prefix-configs", foreign)).isEqualTo(401);
    }

    @Test
    void tokenWithoutAudienceIsUnauthorized() throws Exception {
        String anonymous = token(List.of());

        assertThat(status("/api/numbers?prefixKey=NOT-REGISTERED", anonymous)).isEqualTo(401);
        assertThat(status("/api/prefix-configs", anonymous)).isEqualTo(401);
    }

    /** Quotas, Idempotency-Keys and the audit trail are the subject's: a token without one would share them. */
    @Test
    void tokenWithoutSubjectIsUnauthorized() throws Exception {
        String nobody = token(List.of("numgen-local"), null);

        assertThat(status("/api/numbers?prefixKey=NOT-REGISTERED", nobody)).isEqualTo(401);
        assertThat(status("/api/prefix-configs", nobody)).isEqualTo(401);
    }

    /** The same token for numgen's audience passes: the refusal above is the audience's doing. */
    @Test
    void sameTokenForThisAudienceIsAccepted() throws Exception {
        String own = token(List.of("numgen-local"));

        assertThat(status("/api/numbers?prefixKey=NOT-REGISTERED", own)).isEqualTo(404);
        assertThat(status("/api/prefix-configs", own)).isEqualTo(200);
    }

    private String token(List<String> audience) throws IOException, ParseException, JOSEException {
        return token(audience, "audience-probe");
    }

    private String token(List<String> audience, String subject) throws IOException, ParseException, JOSEException {
        RSAKey key =
                JWK.parse(Files.readString(KEY_FILE, StandardCharsets.UTF_8)).toRSAKey();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(devIssuer.issuerUri())
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", List.of("numbers:generate", "prefix-configs:read"));
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(String path, String token) {
        return new ApiClient(port).get(path, token).status();
    }
}
