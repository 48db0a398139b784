package dev.numgen.ignite.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.authentication.IgniteAccessControlException;
import org.apache.ignite.internal.processors.authentication.IgniteAuthenticationProcessor;
import org.apache.ignite.internal.processors.security.SecurityContext;
import org.apache.ignite.plugin.security.AuthenticationContext;
import org.apache.ignite.plugin.security.SecurityCredentials;

/**
 * Ignite's authentication ({@code authenticationEnabled}) with one change: the thin-client user {@code ignite} logs in
 * with this node's configured password only, never with the default password {@code ignite} that Ignite gives it.
 *
 * <p>Ignite creates that user when a cluster first starts and lets its password be changed only once the cluster is
 * active; until then anyone could log in with the default and, among other things, activate the cluster with too
 * small a baseline. So the password is checked here, on every login, and Ignite's user store (which keeps the
 * default) only provides the user's identity, which every node resolves alike. (Only a node that has joined the
 * cluster, and so can read everything anyway, could still log in with the default.) Server nodes join as before: Ignite's
 * authentication checks clients only, so whoever reaches the discovery port can still join as a node (a gap until
 * cluster TLS; that port is on loopback by default).
 *
 * <p>Ignite 2.17 has no public hook for this; it is a subclass of its internal processor, installed through a plugin
 * ({@link ThinClientPlugin}). Ignite refuses a node whose security processor class differs from the cluster's, so every
 * numgen node installs it, whether it opens the connector or not ({@link NodeSecurity}).
 */
final class ThinClientAuthentication extends IgniteAuthenticationProcessor {

    private final byte[] passwordDigest;

    ThinClientAuthentication(GridKernalContext context, String password) {
        super(context);
        this.passwordDigest = digest(password);
    }

    @Override
    public SecurityContext authenticate(AuthenticationContext login) throws IgniteCheckedException {
        SecurityCredentials credentials = login.credentials();
        boolean accepted = credentials != null
                && ThinClients.USER.equals(credentials.getLogin())
                && credentials.getPassword() instanceof String password
                && MessageDigest.isEqual(passwordDigest, digest(password));
        if (!accepted) {
            throw new IgniteAccessControlException("The user name or password is incorrect");
        }
        login.credentials(new SecurityCredentials(ThinClients.USER, ThinClients.DEFAULT_PASSWORD));
        return super.authenticate(login);
    }

    /** Compared as digests, so the comparison takes the same time whatever the length of a guess. */
    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
