package dev.numgen.ignite.node;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.plugin.PluginProvider;

/**
 * The one security processor every numgen node runs, server or client, with the thin-client connector or without
 * ({@link ThinClientAuthentication}). Ignite refuses a node whose security processor class differs from the cluster's
 * ("grid security processor class is not equal"), so a node that left it out could not join a cluster whose servers
 * open the connector, and the other way round. A node without the connector gets a random password that nobody
 * knows: nothing can log in through it, and it has nothing to log in to.
 */
public final class NodeSecurity {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NodeSecurity() {}

    /** Installs the processor on a node that opens no thin-client connector (a client node, a server without one). */
    public static void install(IgniteConfiguration configuration) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        install(configuration, Base64.getEncoder().encodeToString(secret));
    }

    /** Installs the processor; thin clients log in as {@code ignite} with {@code thinClientPassword}. */
    static void install(IgniteConfiguration configuration, String thinClientPassword) {
        List<PluginProvider> plugins = new ArrayList<>();
        if (configuration.getPluginProviders() != null) {
            plugins.addAll(List.of(configuration.getPluginProviders()));
        }
        plugins.removeIf(ThinClientPlugin.class::isInstance);
        plugins.add(new ThinClientPlugin(thinClientPassword));
        configuration.setPluginProviders(plugins.toArray(PluginProvider[]::new));
        configuration.setAuthenticationEnabled(true);
    }
}
