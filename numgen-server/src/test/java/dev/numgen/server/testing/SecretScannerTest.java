package dev.numgen.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import org.junit.jupiter.api.Test;

/** What the scanner finds, and that a finding never quotes the whole secret. */
class SecretScannerTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJudW1nZW4tbG9jYWwifQ.c2lnbmF0dXJlLXBhcnQ";

    @Test
    void findsTokensHeaderCredentialsAndNamedSecrets() {
        SecretScanner scanner = SecretScanner.standard().with("tls-store-password-1");

        assertThat(scanner.scan("DEBUG Securing GET /api/numbers?access_token=" + JWT))
                .hasSize(1);
        assertThat(scanner.scan("Authorization: Basic bnVtZ2VuLWxvY2FsOm51bWdlbi1sb2NhbC1zZWNyZXQ="))
                .hasSize(1);
        assertThat(scanner.scan("client " + DevIssuer.CLIENT_ID + " secret " + DevIssuer.CLIENT_SECRET))
                .hasSize(1);
        assertThat(scanner.scan("keyStorePassword=tls-store-password-1")).hasSize(1);
        assertThat(scanner.scan("WWW-Authenticate: Bearer error=\"invalid_token\""))
                .isEmpty();
        assertThat(scanner.scan("WWW-Authenticate: Bearer resource_metadata=\"http://127.0.0.1:8080/.well-known/x\""))
                .isEmpty();
        assertThat(scanner.scan("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345, next"))
                .hasSize(1);
        assertThat(scanner.scan("{\"Authorization\": \"Bearer abcdefghijklmnopqrstuvwxyz012345\"}"))
                .hasSize(1);
        assertThat(scanner.scan("Refused GET /api/numbers: a bearer token goes in the Authorization header"))
                .isEmpty();
    }

    @Test
    void aFindingQuotesNoMoreThanTheStartOfTheSecret() {
        String finding = SecretScanner.standard().scan("token " + JWT).get(0);

        assertThat(finding).contains("eyJh").doesNotContain(JWT.substring(4, 12));
    }
}
