package dev.numgen.server.devissuer;

import dev.numgen.server.security.TokenIssuerCheck;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Starts the development issuer with the main context and closes it with it; {@code local} profile only. */
@Configuration(proxyBeanMethods = false)
@Profile(TokenIssuerCheck.LOCAL_PROFILE)
@ConditionalOnBooleanProperty(TokenIssuerCheck.DEV_ISSUER_ENABLED)
@EnableConfigurationProperties(DevIssuerProperties.class)
final class DevIssuerConfiguration {

    @Bean(destroyMethod = "close")
    DevIssuer devIssuer(DevIssuerProperties properties) {
        return DevIssuer.start(properties.address(), properties.port(), properties.issuerUri(), properties.keyFile());
    }

    // Verifies with the issuer's public key in memory: the same signature, issuer and timestamp checks as a remote
    // JWK set, without a network hop at startup.
    // The audience is checked as Spring Boot checks it for an external issuer, from the same property.
    @Bean
    JwtDecoder devIssuerJwtDecoder(DevIssuer devIssuer, Environment environment) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(devIssuer.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(devIssuer.issuerUri());
        List<String> audiences = TokenIssuerCheck.audiences(environment);
        if (!audiences.isEmpty()) {
            validator = new DelegatingOAuth2TokenValidator<>(
                    validator,
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD,
                            granted -> granted != null && !Collections.disjoint(granted, audiences)));
        }
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
