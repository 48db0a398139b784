package dev.numgen.server.devissuer;

import java.net.InetAddress;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer of the {@code local} profile.
 *
 * @param enabled whether to start it; allowed only with the {@code local} profile
 * @param port its own HTTP port, 0 for a free one (tests)
 * @param address the address it listens on; loopback unless a container must expose it
 * @param issuerUri the issuer URI tokens carry, when clients reach the issuer through a proxy (the local cluster's
 *     HAProxy); by default {@code http://localhost:<port>}
 * @param keyFile a file holding the signing key as a JWK, created on first use; nodes of one local cluster share it so
 *     that each accepts the others' tokens. Without it, each start makes a new key.
 */
@ConfigurationProperties("numgen.security.dev-issuer")
record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("9000") int port,
        @DefaultValue("127.0.0.1") InetAddress address,
        String issuerUri,
        Path keyFile) {}
