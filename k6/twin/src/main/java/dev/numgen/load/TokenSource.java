package dev.numgen.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A client-credentials token from the issuer, renewed in the background at half its lifetime: the issuer's tokens last
 * minutes and an endurance run hours. A renewal that fails (the issuer's node may be the one killed) keeps the current
 * token and tries again shortly.
 */
final class TokenSource implements AutoCloseable {

    static final String SCOPES = "numbers:generate prefix-configs:write";
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final HttpClient http;
    private final HttpRequest request;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-token-renewer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String token;

    TokenSource(HttpClient http, String issuerUrl, String clientId, String clientSecret) {
        this.http = http;
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.request = HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPES, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** Fetches the first token (failing if there is none) and schedules its renewals. */
    TokenSource start() {
        renewer.schedule(this::renew, fetch().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    String token() {
        return token;
    }

    private void renew() {
        Duration next;
        try {
            next = fetch();
        } catch (RuntimeException failure) {
            next = RETRY;
        }
        renewer.schedule(this::renew, next.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches a token; returns when to renew it. */
    private Duration fetch() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "no token from " + request.uri() + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode body = Shape.JSON.readTree(response.body());
            token = body.path("access_token").asString();
            return Duration.ofSeconds(Math.max(10, body.path("expires_in").asLong(300) / 2));
        } catch (IOException e) {
            throw new IllegalStateException("no token from " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
