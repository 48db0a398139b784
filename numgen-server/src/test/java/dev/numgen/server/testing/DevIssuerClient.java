package dev.numgen.server.testing;

import dev.numgen.server.devissuer.DevIssuer;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Fetches real client-credentials tokens from the development issuer of a test's {@code local} context. */
public final class DevIssuerClient {

    private static final String BASIC_CREDENTIALS = Base64.getEncoder()
            .encodeToString((DevIssuer.CLIENT_ID + ":" + DevIssuer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private DevIssuerClient() {}

    /** A signed access token carrying {@code scopes}; take the port from the context's {@link DevIssuer} bean. */
    public static String token(int issuerPort, String... scopes) {
        String form = "grant_type=client_credentials&scope="
                + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8);
        HttpReply reply;
        try {
            reply = new ApiClient(issuerPort)
                    .send(
                            "POST",
                            "/oauth2/token",
                            null,
                            form,
                            "Authorization",
                            "Basic " + BASIC_CREDENTIALS,
                            "Content-Type",
                            "application/x-www-form-urlencoded");
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Development issuer unreachable on port " + issuerPort, e);
        }
        if (reply.status() != 200) {
            throw new IllegalStateException(
                    "Development issuer refused the token request: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("access_token").asString();
    }
}
