package dev.numgen.ignite.testing;

import dev.numgen.ignite.node.ClusterTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Certificate authorities and node certificates for tests, made with the JDK's {@code keytool} in a directory the
 * test owns: an authority is a CA key store and a trust store holding its certificate; each node gets a PKCS12 key
 * store with its key and the chain the CA signed (EC P-256, serverAuth and clientAuth, valid for a few days).
 */
public final class TestCertificates {

    /** The password of every store made here (tests only). */
    public static final String PASSWORD = "test-password";

    private TestCertificates() {}

    /** A new CA named {@code name} in {@code dir/name}. */
    public static Authority authority(Path dir, String name) {
        Path home = dir.resolve(name);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Authority authority = new Authority(home, name);
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name + ",O=numgen-test",
                "-validity",
                "7",
                "-ext",
                "bc:c",
                "-ext",
                "KeyUsage=keyCertSign,cRLSign",
                "-keystore",
                authority.caStore().toString());
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-file",
                authority.caCertificate().toString(),
                "-keystore",
                authority.caStore().toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                authority.caCertificate().toString(),
                "-keystore",
                authority.trustStore().toString());
        return authority;
    }

    /** One CA's files. */
    public record Authority(Path home, String name) {

        Path caStore() {
            return home.resolve("ca.p12");
        }

        Path caCertificate() {
            return home.resolve("ca.pem");
        }

        public Path trustStore() {
            return home.resolve("trust.p12");
        }

        /** A key store for {@code node}, its certificate signed by this CA; made once. */
        public Path keyStore(String node) {
            Path store = home.resolve(node + ".p12");
            if (Files.exists(store)) {
                return store;
            }
            Path request = home.resolve(node + ".csr");
            Path signed = home.resolve(node + ".pem");
            keytool(
                    "-genkeypair",
                    "-alias",
                    node,
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=" + node + ",O=numgen-test",
                    "-validity",
                    "7",
                    "-keystore",
                    store.toString());
            keytool("-certreq", "-alias", node, "-file", request.toString(), "-keystore", store.toString());
            keytool(
                    "-gencert",
                    "-alias",
                    "ca",
                    "-infile",
                    request.toString(),
                    "-outfile",
                    signed.toString(),
                    "-rfc",
                    "-validity",
                    "7",
                    "-ext",
                    "SAN=dns:" + node + ",dns:localhost,ip:127.0.0.1",
                    "-ext",
                    "KeyUsage=digitalSignature,keyEncipherment",
                    "-ext",
                    "ExtendedKeyUsage=serverAuth,clientAuth",
                    "-keystore",
                    caStore().toString());
            // keytool links the reply to its issuer through a trusted entry, which is removed again afterwards.
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "issuer",
                    "-file",
                    caCertificate().toString(),
                    "-keystore",
                    store.toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    node,
                    "-file",
                    signed.toString(),
                    "-keystore",
                    store.toString());
            keytool("-delete", "-alias", "issuer", "-keystore", store.toString());
            return store;
        }

        /** TLS for {@code node}: its key store from this CA, and {@code trusted}'s trust store. */
        public ClusterTls tls(String node, Authority trusted) {
            return ClusterTls.of(keyStore(node), PASSWORD.toCharArray(), trusted.trustStore(), PASSWORD.toCharArray());
        }

        /** The {@code numgen.ignite.tls.*} properties of {@link #tls(String, Authority)}. */
        public Map<String, Object> serverProperties(String node, Authority trusted) {
            return Map.of(
                    ClusterTls.SERVER_PREFIX + ".enabled",
                    true,
                    ClusterTls.SERVER_PREFIX + ".key-store",
                    keyStore(node).toString(),
                    ClusterTls.SERVER_PREFIX + ".key-store-password",
                    PASSWORD,
                    ClusterTls.SERVER_PREFIX + ".trust-store",
                    trusted.trustStore().toString(),
                    ClusterTls.SERVER_PREFIX + ".trust-store-password",
                    PASSWORD);
        }

        /** TLS for {@code node}: its key store from this CA, which it also trusts. */
        public ClusterTls tls(String node) {
            return tls(node, this);
        }
    }

    static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
