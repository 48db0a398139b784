package dev.numgen.client;

import dev.numgen.ignite.node.ClusterTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link NumberClient} joins the cluster. Made with {@link #builder()}; every setting but the discovery
 * addresses, the node name and the TLS choice has a default.
 *
 * <p>TLS is on unless turned off: a client node is a member of the cluster, so {@link Builder#build()} refuses
 * settings that neither give it a certificate ({@link Builder#tls}) nor say {@link Builder#withoutTls()}.
 */
public final class NumberClientSettings {

    /** The Spring properties of the client's TLS ({@code numgen.client.tls.enabled}, {@code .key-store}, ...). */
    public static final String TLS_PREFIX = "numgen.client.tls";

    private final List<String> discoveryAddresses;
    private final String nodeName;
    private final ClusterTls tls;
    private final Path workDirectory;
    private final String caller;
    private final String localHost;
    private final int communicationPort;
    private final int portRange;
    private final Duration startTimeout;
    private final Duration failureDetectionTimeout;
    private final boolean peerClassLoading;

    private NumberClientSettings(Builder builder) {
        this.discoveryAddresses = List.copyOf(builder.discoveryAddresses);
        this.nodeName = builder.nodeName;
        this.tls = builder.tls;
        this.workDirectory = builder.workDirectory != null
                ? builder.workDirectory
                : Path.of(System.getProperty("user.home"), ".numgen-client", nodeName);
        this.caller = builder.caller != null ? builder.caller : "client:" + nodeName;
        this.localHost = builder.localHost;
        this.communicationPort = builder.communicationPort;
        this.portRange = builder.portRange;
        this.startTimeout = builder.startTimeout;
        this.failureDetectionTimeout = builder.failureDetectionTimeout;
        this.peerClassLoading = builder.peerClassLoading;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The servers' discovery addresses, {@code host:port} or {@code host:port..port}. */
    public List<String> discoveryAddresses() {
        return discoveryAddresses;
    }

    /** The client node's name: its Ignite instance name and consistent id, in logs and register records. */
    public String nodeName() {
        return nodeName;
    }

    /** The node's TLS; empty only when it was turned off with {@link Builder#withoutTls()}. */
    public Optional<ClusterTls> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Where Ignite keeps the node's marshaller and binary metadata; a client node stores no data. By default under the
     * user's home ({@code ~/.numgen-client/<node name>}), not the shared temporary directory, where another local user
     * could create it first and hand the client metadata of their own.
     */
    public Path workDirectory() {
        return workDirectory;
    }

    /** Who the GAPLESS register names as the caller of this client's requests; {@code client:<node name>}. */
    public String caller() {
        return caller;
    }

    /** The address the node binds and that the servers connect back to; null: Ignite chooses. */
    public String localHost() {
        return localHost;
    }

    /** The communication port the servers connect to (a thick client listens on one), and how many above it. */
    public int communicationPort() {
        return communicationPort;
    }

    public int portRange() {
        return portRange;
    }

    /** How long {@link NumberClient#start} waits for the node to join an active cluster holding a majority. */
    public Duration startTimeout() {
        return startTimeout;
    }

    /** How long a lost connection goes unnoticed at most, on this node and on the servers watching it. */
    public Duration failureDetectionTimeout() {
        return failureDetectionTimeout;
    }

    /** Whether the node deploys its own classes to the servers (SHARED mode; only with TLS). */
    public boolean peerClassLoading() {
        return peerClassLoading;
    }

    @Override
    public String toString() {
        return "NumberClientSettings[node " + nodeName + ", discovery " + discoveryAddresses + ", "
                + (tls == null ? "TLS off" : tls) + "]";
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {

        private List<String> discoveryAddresses = List.of();
        private String nodeName;
        private ClusterTls tls;
        private boolean withoutTls;
        private Path workDirectory;
        private String caller;
        private String localHost;
        private int communicationPort = 47100;
        private int portRange = 100;
        private Duration startTimeout = Duration.ofMinutes(1);
        private Duration failureDetectionTimeout = Duration.ofSeconds(10);
        private boolean peerClassLoading;

        private Builder() {}

        public Builder discoveryAddresses(List<String> addresses) {
            this.discoveryAddresses = List.copyOf(addresses);
            return this;
        }

        public Builder discoveryAddresses(String... addresses) {
            return discoveryAddresses(List.of(addresses));
        }

        public Builder nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        /** The node's certificate and the CA it trusts, e.g. {@code ClusterTls.of(keyStore, ..., trustStore, ...)}. */
        public Builder tls(ClusterTls tls) {
            this.tls = tls;
            this.withoutTls = false;
            return this;
        }

        /**
         * No TLS: only for a cluster on loopback that runs without it (tests, the single-node quickstart); the client
         * logs a warning when it starts.
         */
        public Builder withoutTls() {
            this.tls = null;
            this.withoutTls = true;
            return this;
        }

        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = workDirectory;
            return this;
        }

        public Builder caller(String caller) {
            this.caller = caller;
            return this;
        }

        public Builder localHost(String localHost) {
            this.localHost = localHost;
            return this;
        }

        public Builder communicationPort(int port) {
            this.communicationPort = port;
            return this;
        }

        public Builder portRange(int portRange) {
            this.portRange = portRange;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder failureDetectionTimeout(Duration failureDetectionTimeout) {
            this.failureDetectionTimeout = failureDetectionTimeout;
            return this;
        }

        public Builder peerClassLoading(boolean peerClassLoading) {
            this.peerClassLoading = peerClassLoading;
            return this;
        }

        /**
         * @throws IllegalStateException naming what is missing: the discovery addresses, the node name, or the TLS
         *     choice (a certificate, or TLS turned off explicitly)
         */
        public NumberClientSettings build() {
            if (discoveryAddresses.isEmpty()) {
                throw new IllegalStateException(
                        "numgen client: no discovery addresses (numgen.client.discovery-addresses): name the servers'"
                                + " discovery ports, e.g. 127.0.0.1:47501..47503");
            }
            if (nodeName == null || nodeName.isBlank()) {
                throw new IllegalStateException(
                        "numgen client: no node name (numgen.client.node-name, or spring.application.name)");
            }
            if (tls == null && !withoutTls) {
                throw new IllegalStateException("numgen client " + nodeName
                        + " refuses to start without cluster TLS: a client node is a member of the cluster and"
                        + " can read and write every cache. Give it its certificate (" + TLS_PREFIX + ".key-store, "
                        + TLS_PREFIX + ".key-store-password, " + TLS_PREFIX + ".trust-store, " + TLS_PREFIX
                        + ".trust-store-password; in Java NumberClientSettings.Builder.tls), or turn TLS off"
                        + " explicitly for a loopback cluster without it (" + TLS_PREFIX
                        + ".enabled=false; withoutTls()).");
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalStateException("numgen client " + nodeName + ": the start timeout must be positive");
            }
            return new NumberClientSettings(this);
        }
    }
}
