package dev.numgen.client;

import dev.numgen.ignite.node.NodeSafety;
import dev.numgen.ignite.node.NodeSecurity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DeploymentMode;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's Ignite node: a thick client (it joins discovery and talks to the servers directly, but holds no data
 * and stores nothing), with the servers' discovery (static addresses, as {@code ignite-config/local-node.xml} and
 * {@code cluster-node.xml}), no listener but communication (which the servers connect back to), no node attributes
 * from the environment, and the cluster's TLS.
 */
final class ClientNode {

    private static final Logger log = LoggerFactory.getLogger(ClientNode.class);

    private ClientNode() {}

    static IgniteConfiguration configuration(NumberClientSettings settings) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder();
        ipFinder.setAddresses(settings.discoveryAddresses());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setIpFinder(ipFinder);
        // No join timeout: it would also end the reconnection after a long outage, and the client must come back by
        // itself. NumberClient.start bounds the first join instead.
        discovery.setClientReconnectDisabled(false);
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalPort(settings.communicationPort());
        communication.setLocalPortRange(settings.portRange());
        communication.setSharedMemoryPort(-1);
        if (settings.localHost() != null) {
            discovery.setLocalAddress(settings.localHost());
            communication.setLocalAddress(settings.localHost());
        }
        long failureDetection = settings.failureDetectionTimeout().toMillis();
        IgniteConfiguration configuration = new IgniteConfiguration()
                .setIgniteInstanceName(settings.nodeName())
                .setConsistentId(settings.nodeName())
                .setClientMode(true)
                .setWorkDirectory(
                        settings.workDirectory().toAbsolutePath().normalize().toString())
                .setPeerClassLoadingEnabled(settings.peerClassLoading())
                .setDeploymentMode(DeploymentMode.SHARED)
                .setGridLogger(new Slf4jLogger())
                .setIncludeProperties()
                .setMetricsLogFrequency(0)
                // A critical failure stops the Ignite node, never the application's JVM (Ignite's default may halt it).
                .setFailureHandler(new StopNodeFailureHandler())
                .setFailureDetectionTimeout(failureDetection)
                .setClientFailureDetectionTimeout(failureDetection)
                .setConnectorConfiguration(null)
                .setClientConnectorConfiguration(null)
                .setIncludeEventTypes(EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED)
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication);
        if (settings.localHost() != null) {
            configuration.setLocalHost(settings.localHost());
        }
        settings.tls().ifPresent(tls -> tls.applyTo(configuration));
        // The servers' security processor, or they refuse the join; a client opens no connector to log in to.
        NodeSecurity.install(configuration);
        NodeSafety.check(configuration);
        return configuration;
    }

    /**
     * Starts the node and waits until it has joined, at most the settings' start timeout.
     *
     * @throws ClusterUnavailableException when no server let it join in time
     */
    static Ignite start(NumberClientSettings settings) {
        quietIgnite();
        IgniteConfiguration configuration = configuration(settings);
        if (settings.tls().isEmpty()) {
            log.warn(
                    "numgen client {} joins the cluster WITHOUT TLS ({}.enabled=false): any process that reaches its"
                            + " ports could join or read it; only for a loopback cluster without TLS",
                    settings.nodeName(),
                    NumberClientSettings.TLS_PREFIX);
        }
        CompletableFuture<Ignite> joining = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        joining.complete(Ignition.start(configuration));
                    } catch (RuntimeException | Error e) {
                        joining.completeExceptionally(e);
                    }
                },
                "numgen-client-start-" + settings.nodeName());
        starter.setDaemon(true);
        starter.start();
        try {
            return joining.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Ignite's join waits interruptibly; the interrupted start cleans up after itself, and a start that
            // finishes all the same is closed rather than left in the cluster without an owner.
            joining.thenAccept(Ignite::close);
            starter.interrupt();
            throw new ClusterUnavailableException(
                    "numgen client " + settings.nodeName() + " could not join the cluster at "
                            + settings.discoveryAddresses() + " within " + settings.startTimeout()
                            + " (are the servers up, and do they trust this node's certificate?)",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            joining.thenAccept(Ignite::close);
            starter.interrupt();
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(
                    "numgen client " + settings.nodeName() + " was interrupted while joining the cluster", e);
        }
    }

    /** No version check over the internet and no banner, unless the application says otherwise. */
    private static void quietIgnite() {
        setUnlessSet(IgniteSystemProperties.IGNITE_UPDATE_NOTIFIER, "false");
        setUnlessSet(IgniteSystemProperties.IGNITE_NO_ASCII, "true");
        setUnlessSet(IgniteSystemProperties.IGNITE_PERFORMANCE_SUGGESTIONS_DISABLED, "true");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
