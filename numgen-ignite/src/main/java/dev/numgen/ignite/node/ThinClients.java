package dev.numgen.ignite.node;

import java.nio.charset.StandardCharsets;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.springframework.core.env.Environment;

/**
 * The Ignite thin-client connector (what {@code control.sh} and Ignite's thin clients use). It can read and rewrite
 * every rule and counter behind the API's back, so it is absent unless {@code numgen.ignite.thin-clients.enabled},
 * and then it takes only the user {@code ignite} with the configured password ({@link ThinClientAuthentication}).
 * JDBC and ODBC stay off on it. With cluster TLS on ({@link ClusterTls}) it takes TLS with a client certificate
 * from the cluster's CA as well; without, keep it on loopback or a private network. Every node runs the same
 * security processor whether the connector is open or not ({@link NodeSecurity}).
 */
final class ThinClients {

    static final String ENABLED = "numgen.ignite.thin-clients.enabled";
    static final String PASSWORD = "numgen.ignite.thin-clients.password";
    static final String HOST = "numgen.ignite.client-connector-host";
    static final String PORT = "numgen.ignite.client-connector-port";
    /** Ignite's built-in user, the one thin clients log in as. */
    static final String USER = "ignite";

    static final String DEFAULT_PASSWORD = "ignite";
    static final int MIN_PASSWORD_LENGTH = 16;
    static final int MAX_PASSWORD_BYTES = 256;

    private ThinClients() {}

    /**
     * Sets the node's thin-client connector and authentication from {@code environment}, whatever the XML said;
     * refuses, naming the property, to enable thin clients without a password of {@value #MIN_PASSWORD_LENGTH}
     * characters to {@value #MAX_PASSWORD_BYTES} UTF-8 bytes.
     */
    static void configure(IgniteConfiguration configuration, Environment environment) {
        configuration.setClientConnectorConfiguration(null);
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            NodeSecurity.install(configuration);
            return;
        }
        String password = environment.getProperty(PASSWORD);
        if (password == null
                || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalStateException(ENABLED + " is true, so " + PASSWORD + " must be set to "
                    + MIN_PASSWORD_LENGTH + " characters or more (at most " + MAX_PASSWORD_BYTES + " bytes)");
        }
        NodeSecurity.install(configuration, password);
        configuration.setClientConnectorConfiguration(new ClientConnectorConfiguration()
                .setHost(environment.getProperty(HOST, "127.0.0.1"))
                .setPort(environment.getProperty(PORT, Integer.class, ClientConnectorConfiguration.DFLT_PORT))
                .setPortRange(100)
                .setJdbcEnabled(false)
                .setOdbcEnabled(false)
                .setThinClientEnabled(true));
    }
}
