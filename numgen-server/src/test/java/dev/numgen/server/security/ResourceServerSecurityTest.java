package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.IsolatedNodeInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Sent on every request so that the probe's mappings outrank the real controllers on the same paths. */
    private static final String PROBE_HEADER = "X-Security-Probe";

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer devIssuer;

    @Test
    void requestWithoutTokenGetsUnauthorizedProblem() {
        HttpResponse<String> response = send("GET", "/api/numbers", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(header -> assertThat(header).startsWith("Bearer"));
        JsonNode problem = assertProblem(response, "/problems/unauthorized", 401);
        assertThat(problem.path("detail").asString()).isEqualTo("This endpoint requires a bearer token.");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/numbers");
    }

    @Test
    void protectedResourceMetadataNamedInChallengeIsReachableWithoutToken() {
        HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resource\":\"http://localhost:" + port);
    }

    @Test
    void unknownPathWithoutTokenIsUnauthorizedRatherThanNotFound() {
        assertThat(send("GET", "/no/such/endpoint", null).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithChangedSignatureIsUnauthorized() {
        String token = DevIssuerClient.token(devIssuer.port(), "numbers:generate");
        String tampered = withChangedSignature(token);

        HttpResponse<String> response = send("GET", "/api/numbers", tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        header -> assertThat(header).startsWith("Bearer").contains("error=\"invalid_token\""));
        JsonNode problem = assertProblem(response, "/problems/unauthorized", 401);
        assertThat(problem.path("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
        assertThat(response.body()).doesNotContain(tampered).doesNotContainIgnoringCase("signature");
    }

    @Test
    void tokenLackingScopeGetsForbiddenProblem() {
        String token = DevIssuerClient.token(devIssuer.port(), "prefix-configs:read");

        HttpResponse<String> response = send("GET", "/api/numbers", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(header -> assertThat(header).contains("error=\"insufficient_scope\""));
        assertProblem(response, "/problems/forbidden", 403);
    }

    @Test
    void tokenWithScopeReachesEndpoint() {
        String token = DevIssuerClient.token(devIssuer.port(), "numbers:generate");

        HttpResponse<String> response = send("GET", "/api/numbers?prefixKey=NOT-REGISTERED", token);

        // Past authentication and authorization: the endpoint itself answers that the prefix is unknown.
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "/problems/prefix-not-registered", 404);
    }

    @Test
    void changingPrefixConfigNeedsWriteScopeNotReadScope() {
        String reader = DevIssuerClient.token(devIssuer.port(), "prefix-configs:read");
        String writer = DevIssuerClient.token(devIssuer.port(), "prefix-configs:write");

        assertThat(send("GET", "/api/prefix-configs/INV", reader).body()).isEqualTo("config INV");
        assertThat(send("PUT", "/api/prefix-configs/INV", reader).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/prefix-configs/INV", writer).body()).isEqualTo("stored INV");
    }

    @Test
    void prometheusNeedsAdminScope() {
        String generator = DevIssuerClient.token(devIssuer.port(), "numbers:generate");
        String admin = DevIssuerClient.token(devIssuer.port(), "numbers:admin");

        assertThat(send("GET", "/actuator/prometheus", generator).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/actuator/prometheus", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpenWithoutToken() {
        HttpResponse<String> response = send("GET", "/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
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

    private static JsonNode assertProblem(HttpResponse<String> response, String type, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
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

    private HttpResponse<String> send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(PROBE_HEADER, "1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
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
