package dev.numgen.client.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code numgen.client.*} properties: how the application's client node joins the numgen cluster (see {@link
 * dev.numgen.client.NumberClientSettings} for what each means).
 */
@ConfigurationProperties("numgen.client")
public class NumberClientProperties {

    /** Whether the application gets a NumberClient bean. */
    private boolean enabled = true;

    /** The servers' discovery addresses, host:port or host:port..port, e.g. 127.0.0.1:47501..47503. */
    private List<String> discoveryAddresses = new ArrayList<>();

    /** The client node's name (Ignite instance name and consistent id); defaults to spring.application.name. */
    private String nodeName;

    /** Who the GAPLESS register names as the caller of this application's requests; default client:<node-name>. */
    private String caller;

    /** Where Ignite keeps the node's metadata (a client stores no data); default ~/.numgen-client/<node-name>. */
    private Path workDir;

    /** The address the node binds and the servers connect back to; default: Ignite chooses. */
    private String localHost;

    /** The first communication port the node may listen on (the servers connect to it). */
    private int communicationPort = 47100;

    /** How many ports above communication-port the node may try. */
    private int portRange = 100;

    /** How long startup waits for an active cluster holding a majority of its baseline. */
    private Duration startTimeout = Duration.ofMinutes(1);

    /** How long a lost connection goes unnoticed at most. */
    private Duration failureDetectionTimeout = Duration.ofSeconds(10);

    /** Deploy this application's classes to the servers (peer class loading, SHARED mode); only with TLS. */
    private boolean peerClassLoading;

    private final Tls tls = new Tls();

    /** Mutual TLS with the cluster: on unless enabled=false (loopback tests only); PKCS12 stores. */
    public static class Tls {

        /** TLS on (the default) or off; off only for a loopback cluster without TLS, and it logs a warning. */
        private boolean enabled = true;

        /** The client's PKCS12 key store: its one key and certificate chain, signed by the cluster's CA. */
        private Path keyStore;

        private String keyStorePassword;

        /** The PKCS12 trust store holding the cluster's CA certificate. */
        private Path trustStore;

        private String trustStorePassword;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(Path keyStore) {
            this.keyStore = keyStore;
        }

        public String getKeyStorePassword() {
            return keyStorePassword;
        }

        public void setKeyStorePassword(String keyStorePassword) {
            this.keyStorePassword = keyStorePassword;
        }

        public Path getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(Path trustStore) {
            this.trustStore = trustStore;
        }

        public String getTrustStorePassword() {
            return trustStorePassword;
        }

        public void setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getDiscoveryAddresses() {
        return discoveryAddresses;
    }

    public void setDiscoveryAddresses(List<String> discoveryAddresses) {
        this.discoveryAddresses = discoveryAddresses;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getCaller() {
        return caller;
    }

    public void setCaller(String caller) {
        this.caller = caller;
    }

    public Path getWorkDir() {
        return workDir;
    }

    public void setWorkDir(Path workDir) {
        this.workDir = workDir;
    }

    public String getLocalHost() {
        return localHost;
    }

    public void setLocalHost(String localHost) {
        this.localHost = localHost;
    }

    public int getCommunicationPort() {
        return communicationPort;
    }

    public void setCommunicationPort(int communicationPort) {
        this.communicationPort = communicationPort;
    }

    public int getPortRange() {
        return portRange;
    }

    public void setPortRange(int portRange) {
        this.portRange = portRange;
    }

    public Duration getStartTimeout() {
        return startTimeout;
    }

    public void setStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    public Duration getFailureDetectionTimeout() {
        return failureDetectionTimeout;
    }

    public void setFailureDetectionTimeout(Duration failureDetectionTimeout) {
        this.failureDetectionTimeout = failureDetectionTimeout;
    }

    public boolean isPeerClassLoading() {
        return peerClassLoading;
    }

    public void setPeerClassLoading(boolean peerClassLoading) {
        this.peerClassLoading = peerClassLoading;
    }

    public Tls getTls() {
        return tls;
    }
}
