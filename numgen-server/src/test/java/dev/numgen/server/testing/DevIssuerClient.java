package dev.numgen.server.testing;

import dev.numgen.server.devissuer.DevIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/** Fetches real client-credentials tokens from the development issuer of a test's {@code local} context. */
public final class DevIssuerClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BASIC_CREDENTIALS = Base64.getEncoder()
            .encodeToString((DevIssuer.CLIENT_ID + ":" + DevIssuer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private DevIssuerClient() {}

    /** A signed access token carrying {@code scopes}; take the port from the context's {@link DevIssuer} bean. */
    public static String token(int issuerPort, String... scopes) {
        String form = "grant_type=client_credentials&scope="
                + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + issuerPort + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + BASIC_CREDENTIALS)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Development issuer refused the token request: " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.shared()
                .readTree(response.body())
                .path("access_token")
                .asString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Development issuer unreachable at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token", e);
        }
    }
}
