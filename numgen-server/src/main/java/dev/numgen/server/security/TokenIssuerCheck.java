package dev.numgen.server.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Refuses to start with no token issuer, with the development issuer outside the {@code local} profile (a well-known
 * client secret in production), or outside it with no expected audience (a token issued for another service of the
 * same issuer would be accepted). Runs as a bean factory post-processor, before any bean (the development issuer, the
 * web server, the Ignite node) starts.
 */
public final class TokenIssuerCheck implements BeanFactoryPostProcessor {

    public static final String LOCAL_PROFILE = "local";
    public static final String DEV_ISSUER_ENABLED = "numgen.security.dev-issuer.enabled";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private final Environment environment;

    TokenIssuerCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        verify();
    }

    void verify() {
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        boolean devIssuer = environment.getProperty(DEV_ISSUER_ENABLED, Boolean.class, false);
        boolean externalIssuer =
                hasText(JWT + "issuer-uri") || hasText(JWT + "jwk-set-uri") || hasText(JWT + "public-key-location");
        if (devIssuer && !local) {
            throw new InvalidConfigurationPropertyValueException(
                    DEV_ISSUER_ENABLED,
                    true,
                    "the development token issuer runs only with the 'local' profile; other profiles must name an"
                            + " external issuer with " + JWT + "issuer-uri");
        }
        if (devIssuer && externalIssuer) {
            throw new InvalidConfigurationPropertyValueException(
                    DEV_ISSUER_ENABLED,
                    true,
                    "an external issuer (" + JWT + "*) is configured too; set " + DEV_ISSUER_ENABLED
                            + "=false to use it with the 'local' profile");
        }
        if (!devIssuer && !externalIssuer) {
            throw new IllegalStateException("No token issuer is configured: set " + JWT + "issuer-uri (or " + JWT
                    + "jwk-set-uri) to the external issuer, or run with the 'local' profile for the development"
                    + " issuer.");
        }
        if (!local && audiences(environment).isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(
                    JWT + "audiences",
                    "",
                    "outside the 'local' profile tokens must name this service in their audience (aud): set " + JWT
                            + "audiences to the audience your issuer puts in numgen's tokens");
        }
    }

    /** The audiences a token must name one of; empty means the audience is not checked. */
    public static List<String> audiences(Environment environment) {
        return Binder.get(environment).bind(JWT + "audiences", Bindable.listOf(String.class)).orElse(List.of()).stream()
                .filter(StringUtils::hasText)
                .toList();
    }

    private boolean hasText(String property) {
        return StringUtils.hasText(environment.getProperty(property));
    }
}
