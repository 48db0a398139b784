package dev.numgen.server.testing;

import dev.numgen.rule.RuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the tests that talk to a node (API, actuator, development issuer): real requests, real bearer
 * tokens, answers as {@link HttpReply}. Requests a client library refuses to send are written on a socket instead
 * (MalformedRequestTest).
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpReply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public HttpReply get(String path, String token, String accept) {
        return send("GET", path, token, null, "Accept", accept);
    }

    /** A GET with extra headers, given as name, value, name, value... */
    public HttpReply getWithHeaders(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    public HttpReply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    /** A JSON POST with extra headers, given as name, value, name, value... */
    public HttpReply postWithHeaders(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    public HttpReply put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public HttpReply put(String path, String token, String json, String ifMatch) {
        return ifMatch == null ? put(path, token, json) : send("PUT", path, token, json, "If-Match", ifMatch);
    }

    /** Registers or changes the rule {@code prefixKey}: {@code PUT /api/prefix-configs/{prefixKey}}. */
    public HttpReply putRule(String prefixKey, String token, RuleDefinition rule) {
        return put("/api/prefix-configs/" + prefixKey, token, RuleJson.of(rule));
    }

    /**
     * Any request. {@code token} null sends none; {@code body} null sends no body, otherwise it goes as JSON unless the
     * headers (name, value, name, value...) name another Content-Type.
     *
     * @throws UncheckedIOException when no answer came (nothing listens, the connection broke)
     */
    public HttpReply send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    private static HttpReply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + request.uri(), e);
        }
    }
}
