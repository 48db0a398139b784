package dev.numgen.server.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development authorization server of the {@code local} profile: its own application context on its own port, so
 * the quickstart needs no external issuer. Public so that tests in any package can ask for its port.
 */
public final class DevIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "numgen-local";
    // Well known on purpose; TokenIssuerCheck keeps this issuer out of every profile but 'local'.
    public static final String CLIENT_SECRET = "numgen-local-secret";

    private static final Logger log = LoggerFactory.getLogger(DevIssuer.class);

    private final ConfigurableApplicationContext server;
    private final int port;
    private final String issuerUri;
    private final RSAPublicKey publicKey;

    private DevIssuer(ConfigurableApplicationContext server, int port, String issuerUri, RSAPublicKey publicKey) {
        this.server = server;
        this.port = port;
        this.issuerUri = issuerUri;
        this.publicKey = publicKey;
    }

    static DevIssuer start(InetAddress address, int requestedPort) {
        return start(address, requestedPort, null, null);
    }

    /**
     * @param publicIssuerUri the issuer URI tokens carry, or null for {@code http://localhost:<port>}
     * @param keyFile the shared signing key (created if absent), or null for a new key
     */
    static DevIssuer start(InetAddress address, int requestedPort, String publicIssuerUri, Path keyFile) {
        int port = requestedPort == 0 ? freePort(address) : requestedPort;
        String issuerUri =
                publicIssuerUri == null || publicIssuerUri.isBlank() ? "http://localhost:" + port : publicIssuerUri;
        RSAKey signingKey =
                keyFile == null ? newSigningKey() : SharedSigningKey.readOrCreate(keyFile, DevIssuer::newSigningKey);
        ConfigurableApplicationContext server =
                DevIssuerServer.start(address, port, new DevIssuerServer.Settings(issuerUri, signingKey));
        log.info(
                "Development token issuer {} started on port {} (token endpoint /oauth2/token, client id {})",
                issuerUri,
                port,
                CLIENT_ID);
        try {
            return new DevIssuer(server, port, issuerUri, signingKey.toRSAPublicKey());
        } catch (JOSEException e) {
            server.close();
            throw new IllegalStateException("The development issuer's key has no usable RSA public key", e);
        }
    }

    private static RSAKey newSigningKey() {
        KeyPair keys = generateRsaKeys();
        return new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
    }

    public int port() {
        return port;
    }

    public String issuerUri() {
        return issuerUri;
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    ConfigurableApplicationContext serverContext() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    // Port 0 is resolved here rather than by Tomcat because the issuer URI is fixed before the server starts. A
    // process could take the port between this probe and Tomcat's bind; only tests ask for port 0.
    private static int freePort(InetAddress address) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the development token issuer on " + address, e);
        }
    }

    private static KeyPair generateRsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable in this JVM", e);
        }
    }
}
