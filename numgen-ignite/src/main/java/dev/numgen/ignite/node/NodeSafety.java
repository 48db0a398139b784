package dev.numgen.ignite.node;

import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.ssl.SslContextFactory;

/**
 * What a numgen node refuses to start with. Every node calls {@link #check} on its final configuration, just before
 * {@code Ignition.start}: servers in {@link IgniteConfigurationLoader}, thick clients in the client library.
 */
public final class NodeSafety {

    private NodeSafety() {}

    /**
     * Refuses peer class loading without cluster TLS. With peer class loading a node runs classes that another node
     * sends it; without TLS, "another node" is any process that can reach a discovery port, so the cluster would run
     * anyone's code.
     *
     * @throws IllegalStateException saying why and how to fix it, when peer class loading is on and the
     *     configuration has no SSL context factory that checks peers against a trust store (as {@link ClusterTls}
     *     makes it; a factory with trust managers of its own, Ignite's disabled one say, could trust anyone)
     */
    public static void check(IgniteConfiguration configuration) {
        if (configuration.isPeerClassLoadingEnabled() && !checksPeers(configuration)) {
            throw new IllegalStateException("Node " + configuration.getIgniteInstanceName()
                    + " refuses to start: peer class loading is on but cluster TLS is off, so any process that can"
                    + " reach this node's discovery port could run its own code on it. Turn cluster TLS on (servers: "
                    + ClusterTls.SERVER_PREFIX + ".enabled=true with its key-store, key-store-password, trust-store"
                    + " and trust-store-password; clients: the same under numgen.client.tls; see README"
                    + " \"Cluster TLS\"), or turn peer class loading off (on servers:"
                    + " numgen.ignite.peer-class-loading=false).");
        }
    }

    private static boolean checksPeers(IgniteConfiguration configuration) {
        return configuration.getSslContextFactory() instanceof SslContextFactory factory
                && factory.getTrustStoreFilePath() != null
                && (factory.getTrustManagers() == null || factory.getTrustManagers().length == 0);
    }
}
