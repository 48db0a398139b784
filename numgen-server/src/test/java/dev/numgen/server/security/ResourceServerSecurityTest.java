package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.IsolatedNodeInitializer;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "numgen.security.dev-issuer.port=0")
@ActiveProfiles("local")
@ContextConfiguration(initializers = IsolatedNodeInitializer.class)
@Import(ResourceServerSecurityTest.ProbeController.class)
class ResourceServerSecurityTest {

    /** Sent on every request so that the probe's mappings outrank the real controllers on the same paths. */
    private static final String PROBE_HEADER = "X-Security-Probe";

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer devIssuer;

    @Test
    void requestWithoutTokenGetsUnauthorizedProblem() {
        HttpReply response = send("GET", "/api/numbers", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = assertProblem(response, "/problems/unauthorized", 401);
        assertThat(problem.path("detail").asString()).isEqualTo("This endpoint requires a bearer token.");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/numbers");
    }

    @Test
    void protectedResourceMetadataNamedInChallengeIsReachableWithoutToken() {
        HttpReply response = send("GET", "/.well-known/oauth-protected-resource", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"resource\":\"http://127.0.0.1:" + port);
    }

    @Test
    void unknownPathWithoutTokenIsUnauthorizedRatherThanNotFound() {
        assertThat(send("GET", "/no/such/endpoint", null).status()).isEqualTo(401);
    }

    @Test
    void tokenWithChangedSignatureIsUnauthorized() {
        String token = DevIssuerClient.token(devIssuer.port(), "numbers:generate");
        String tampered = withChangedSignature(token);

        HttpReply response = send("GET", "/api/numbers", tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        JsonNode problem = assertProblem(response, "/problems/unauthorized", 401);
        assertThat(problem.path("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
        assertThat(response.body()).doesNotContain(tampered).doesNotContainIgnoringCase("signature");
    }

    @Test
    void tokenLackingScopeGetsForbiddenProblem() {
        String token = DevIssuerClient.token(devIssuer.port(), "prefix-configs:read");

        HttpReply response = send("GET", "/api/numbers", token);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
        assertProblem(response, "/problems/forbidden", 403);
    }

    @Test
    void tokenWithScopeReachesEndpoint() {
        String token = DevIssuerClient.token(devIssuer.port(), "numbers:generate");

        HttpReply response = send("GET", "/api/numbers?prefixKey=NOT-REGISTERED", token);

        // Past authentication and authorization: the endpoint itself answers that the prefix is unknown.
        assertThat(response.status()).isEqualTo(404);
        assertProblem(response, "/problems/prefix-not-registered", 404);
    }

    @Test
    void changingPrefixConfigNeedsWriteScopeNotReadScope() {
        String reader = DevIssuerClient.token(devIssuer.port(), "prefix-configs:read");
        String writer = DevIssuerClient.token(devIssuer.port(), "prefix-configs:write");

        assertThat(send("GET", "/api/prefix-configs/INV", reader).expect(200).body())
                .isEqualTo("config INV");
        assertThat(send("PUT", "/api/prefix-configs/INV", reader).status()).isEqualTo(403);
        assertThat(send("PUT", "/api/prefix-configs/INV", writer).expect(200).body())
                .isEqualTo("stored INV");
    }

    @Test
    void prometheusNeedsAdminScope() {
        String generator = DevIssuerClient.token(devIssuer.port(), "numbers:generate");
        String admin = DevIssuerClient.token(devIssuer.port(), "numbers:admin");

        assertThat(send("GET", "/actuator/prometheus", generator).status()).isEqualTo(403);
        assertThat(send("GET", "/actuator/prometheus", admin).status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenWithoutToken() {
        HttpReply response = send("GET", "/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void tokensNameTheDevIssuerOnItsActualPortAndCarryTheGrantedScopes() {
        String token = DevIssuerClient.token(devIssuer.port(), "numbers:generate", "numbers:admin");

        JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        assertThat(devIssuer.issuerUri()).isEqualTo("http://localhost:" + devIssuer.port());
        assertThat(claims.path("iss").asString()).isEqualTo(devIssuer.issuerUri());
        assertThat(claims.path("sub").asString()).isEqualTo("numgen-local");
        assertThat(claims.path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("numbers:generate", "numbers:admin");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    }

    private static JsonNode assertProblem(HttpReply response, String type, int status) {
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /** Replaces one character in the middle of the signature, so the header and claims still parse. */
    private static String withChangedSignature(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        int position = signatureStart + (token.length() - signatureStart) / 2;
        char replacement = token.charAt(position) == 'A' ? 'B' : 'A';
        return token.substring(0, position) + replacement + token.substring(position + 1);
    }

    private HttpReply send(String method, String path, String token) {
        return new ApiClient(port).send(method, path, token, null, PROBE_HEADER, "1");
    }

    /**
     * Answers on the real endpoints' paths without their dependencies (Ignite, rules), so these tests see only what
     * security decides. The header condition makes each mapping more specific than the real controller's.
     */
    @RestController
    static class ProbeController {

        @GetMapping(path = "/api/prefix-configs/{key}", headers = PROBE_HEADER)
        String read(@PathVariable String key) {
            return "config " + key;
        }

        @PutMapping(path = "/api/prefix-configs/{key}", headers = PROBE_HEADER)
        String store(@PathVariable String key) {
            return "stored " + key;
        }
    }
}
