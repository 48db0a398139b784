package dev.numgen.system.security;

import java.net.InetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer of the {@code local} profile.
 *
 * @param enabled whether to start it; allowed only with the {@code local} profile
 * @param port its own HTTP port, 0 for a free one (tests)
 * @param address the address it listens on; loopback unless a container must expose it
 */
@ConfigurationProperties("numgen.security.dev-issuer")
record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("9000") int port,
        @DefaultValue("127.0.0.1") InetAddress address) {}
