package dev.numgen.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.SubjectTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Tokens with exactly one thing wrong, each named as in {@code security-tests/cases/token-defects.tsv}: everything
 * else (key, issuer, audience, subject, times, scopes) is what the development issuer would sign, so that a refusal can
 * only be the defect's doing.
 */
final class ForgedTokens {

    static final List<String> ALL_SCOPES =
            List.of(RouteRules.GENERATE, RouteRules.READ, RouteRules.WRITE, RouteRules.ADMIN);
    private static final String AUDIENCE = DevIssuer.CLIENT_ID;
    private static final String SUBJECT = "security-matrix";

    private final RSAKey key;
    private final String issuer;

    ForgedTokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A valid token with {@code scopes}: the control every defect departs from. */
    String valid(List<String> scopes) {
        return sign(claims(scopes).build());
    }

    /**
     * The token for {@code defect} on a route that needs {@code scope} (null: served to nobody); null when the defect
     * is that there is none in the header.
     */
    String forDefect(String defect, String scope) {
        Instant now = Instant.now();
        return switch (defect) {
            case "none", "query-string", "query-string-capitalised" -> null;
            case "malformed" -> "bm90.YS1qd3Q.c2lnbmF0dXJl";
            case "bad-syntax" -> "\"not a token\"";
            case "alg-none" -> new PlainJWT(claims(ALL_SCOPES).build()).serialize();
            case "hs256-public-key" -> algorithmConfusion();
            case "tampered-claims" -> tampered(valid(List.of()));
            case "expired" ->
                sign(claims(ALL_SCOPES)
                        .issueTime(Date.from(now.minusSeconds(600)))
                        .notBeforeTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.minusSeconds(120)))
                        .build());
            case "not-yet-valid" ->
                sign(claims(ALL_SCOPES)
                        .notBeforeTime(Date.from(now.plusSeconds(120)))
                        .build());
            case "wrong-issuer" ->
                sign(claims(ALL_SCOPES).issuer("http://localhost:1").build());
            case "wrong-audience" ->
                sign(claims(ALL_SCOPES).audience("billing-service").build());
            case "no-subject" -> sign(claims(ALL_SCOPES).subject(null).build());
            case "scope-too-few" ->
                valid(ALL_SCOPES.stream().filter(s -> !s.equals(scope)).toList());
            default -> throw new IllegalArgumentException("no such token defect: " + defect);
        };
    }

    /** The Authorization header value for {@code defect}, or null for none. */
    String authorization(String defect, String scope) {
        if (defect.equals("basic-scheme")) {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((DevIssuer.CLIENT_ID + ":" + DevIssuer.CLIENT_SECRET)
                                    .getBytes(StandardCharsets.UTF_8));
        }
        String token = forDefect(defect, scope);
        return token == null ? null : "Bearer " + token;
    }

    private JWTClaimsSet.Builder claims(List<String> scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(SUBJECT)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", scopes);
    }

    private String sign(JWTClaimsSet claims) {
        try {
            return SubjectTokens.signed(key, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with HS256, the HMAC secret being the issuer's public key as PEM text, which anyone can download. */
    private String algorithmConfusion() {
        try {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims(ALL_SCOPES).build());
            jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code token} with every scope in its claims instead of its own, and its own signature. */
    private String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        String widened = claims.replace("\"scope\":[]", "\"scope\":[\"" + String.join("\",\"", ALL_SCOPES) + "\"]");
        if (widened.equals(claims)) {
            throw new IllegalStateException("no empty scope list to widen in " + claims);
        }
        return parts[0] + "." + Base64URL.encode(widened.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
