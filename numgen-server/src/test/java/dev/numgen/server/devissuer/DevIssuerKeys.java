package dev.numgen.server.devissuer;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The signing key of a running development issuer, for tests that forge tokens the issuer would never sign (expired,
 * for another audience, ...) without a key file of their own, so that they can share the cached context of every
 * {@code @LocalNodeTest}.
 */
public final class DevIssuerKeys {

    private DevIssuerKeys() {}

    /** The issuer's RSA key with its private part. */
    public static RSAKey signingKey(DevIssuer issuer) {
        return issuer.serverContext().getBean(DevIssuerServer.Settings.class).signingKey();
    }
}
