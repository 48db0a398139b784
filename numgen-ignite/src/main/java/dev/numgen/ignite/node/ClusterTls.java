package dev.numgen.ignite.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.ssl.SslContextFactory;
import org.springframework.core.env.PropertyResolver;

/**
 * Mutual TLS between numgen nodes, servers and thick clients alike: the one place a node's
 * {@link IgniteConfiguration} gets its {@link SslContextFactory}.
 *
 * <p>Guarantees once {@link #applyTo applied}: discovery and communication speak TLSv1.3 or TLSv1.2 only, and both
 * ends of every connection present a certificate that chains to a CA in the trust store (Ignite 2.17 requires the
 * peer's certificate on its discovery server socket and in its communication SSL filter whatever the factory says;
 * this class turns it on for the thin-client connector, which does not by default). Ignite checks no host name: any
 * certificate the trust store's CA signed is a member, so give each cluster its own CA.
 *
 * <p>Both stores are PKCS12 files. The key store holds exactly one key (this node's) with its certificate chain,
 * under the store's password (PKCS12 has one password for the store and its key). Every check runs when the
 * settings are made, so a wrong path, password or store fails at startup with the name of the setting at fault,
 * not later inside a handshake.
 */
public final class ClusterTls {

    /** The servers' properties ({@code numgen.ignite.tls.enabled}, ...). */
    public static final String SERVER_PREFIX = "numgen.ignite.tls";

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String STORE_TYPE = "PKCS12";

    private final Path keyStore;
    private final char[] keyStorePassword;
    private final Path trustStore;
    private final char[] trustStorePassword;
    private final String subject;

    private ClusterTls(
            Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword, SettingNames names) {
        this.keyStore = keyStore.toAbsolutePath().normalize();
        this.keyStorePassword = keyStorePassword.clone();
        this.trustStore = trustStore.toAbsolutePath().normalize();
        this.trustStorePassword = trustStorePassword.clone();
        this.subject = nodeCertificate(
                        load(this.keyStore, this.keyStorePassword, names.keyStore, names.keyStorePassword),
                        this.keyStorePassword,
                        names)
                .getSubjectX500Principal()
                .getName();
        requireTrustedCertificate(
                load(this.trustStore, this.trustStorePassword, names.trustStore, names.trustStorePassword),
                names.trustStore,
                this.trustStore);
    }

    /**
     * TLS from PKCS12 files, for code without Spring (a plain Java client).
     *
     * @throws IllegalStateException naming the argument at fault: a store missing or unreadable, a wrong password,
     *     a key store without exactly one key, an expired certificate, a trust store without a CA certificate
     */
    public static ClusterTls of(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        return new ClusterTls(
                keyStore,
                keyStorePassword,
                trustStore,
                trustStorePassword,
                new SettingNames("keyStore", "keyStorePassword", "trustStore", "trustStorePassword"));
    }

    /**
     * TLS from {@code <prefix>.enabled}, {@code <prefix>.key-store}, {@code <prefix>.key-store-password},
     * {@code <prefix>.trust-store} and {@code <prefix>.trust-store-password}; empty unless {@code <prefix>.enabled}
     * is true.
     *
     * @throws IllegalStateException naming the property at fault, as {@link #of} does, or one that is missing
     */
    public static Optional<ClusterTls> from(PropertyResolver properties, String prefix) {
        if (!properties.getProperty(prefix + ".enabled", Boolean.class, false)) {
            return Optional.empty();
        }
        SettingNames names = new SettingNames(
                prefix + ".key-store",
                prefix + ".key-store-password",
                prefix + ".trust-store",
                prefix + ".trust-store-password");
        return Optional.of(new ClusterTls(
                Path.of(required(properties, prefix, names.keyStore)),
                required(properties, prefix, names.keyStorePassword).toCharArray(),
                Path.of(required(properties, prefix, names.trustStore)),
                required(properties, prefix, names.trustStorePassword).toCharArray(),
                names));
    }

    /**
     * Sets the node's SSL context factory (discovery and communication use it) and, when the configuration has a
     * thin-client connector, TLS with a required client certificate on it too; call it after the connector is set.
     */
    public void applyTo(IgniteConfiguration configuration) {
        SslContextFactory factory = new SslContextFactory();
        factory.setKeyStoreType(STORE_TYPE);
        factory.setKeyStoreFilePath(keyStore.toString());
        factory.setKeyStorePassword(keyStorePassword.clone());
        factory.setTrustStoreType(STORE_TYPE);
        factory.setTrustStoreFilePath(trustStore.toString());
        factory.setTrustStorePassword(trustStorePassword.clone());
        factory.setProtocols(PROTOCOLS.clone());
        configuration.setSslContextFactory(factory);
        ClientConnectorConfiguration connector = configuration.getClientConnectorConfiguration();
        if (connector != null) {
            connector.setSslEnabled(true).setSslClientAuth(true).setUseIgniteSslContextFactory(true);
        }
    }

    /** The subject of this node's certificate, e.g. {@code CN=numgen-1,O=numgen}. */
    public String subject() {
        return subject;
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path trustStore() {
        return trustStore;
    }

    @Override
    public String toString() {
        return "ClusterTls[" + subject + ", key store " + keyStore + ", trust store " + trustStore + "]";
    }

    private static String required(PropertyResolver properties, String prefix, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(prefix + ".enabled is true, so " + name + " must be set");
        }
        return value;
    }

    private static KeyStore load(Path file, char[] password, String fileSetting, String passwordSetting) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(fileSetting + ": no readable file at " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException(passwordSetting + " is not the password of " + file, e);
            }
            throw new IllegalStateException(fileSetting + ": " + file + " is not a PKCS12 store (" + e + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(fileSetting + ": cannot read " + file + " (" + e + ")", e);
        }
    }

    private static X509Certificate nodeCertificate(KeyStore store, char[] password, SettingNames names) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new IllegalStateException(names.keyStore + ": holds " + keys.size() + " keys " + keys
                        + "; it must hold exactly this node's one key and its certificate chain");
            }
            String alias = keys.get(0);
            if (store.getKey(alias, password) == null
                    || !(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new IllegalStateException(
                        names.keyStore + ": key " + alias + " has no X.509 certificate with it");
            }
            certificate.checkValidity();
            return certificate;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException(names.keyStorePassword + " does not unlock the key in the store", e);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalStateException(
                    names.keyStore + ": the node's certificate is not valid now (" + e + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(names.keyStore + ": cannot read the key (" + e + ")", e);
        }
    }

    private static void requireTrustedCertificate(KeyStore store, String setting, Path file) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + ": cannot read " + file + " (" + e + ")", e);
        }
        throw new IllegalStateException(setting + ": " + file + " holds no trusted (CA) certificate");
    }

    /** What the settings are called where they came from, for the error messages. */
    private record SettingNames(
            String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {}
}
