package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;

class TokenIssuerCheckTest {

    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    @Test
    void localProfileWithDevIssuerStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty(TokenIssuerCheck.DEV_ISSUER_ENABLED, "true");
        environment.setActiveProfiles("local");

        assertThatCode(() -> new TokenIssuerCheck(environment).verify()).doesNotThrowAnyException();
    }

    @Test
    void externalIssuerStartsWithoutLocalProfile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ISSUER_URI, "https://sso.example.com/realms/x")
                .withProperty(AUDIENCES, "numgen");

        assertThatCode(() -> new TokenIssuerCheck(environment).verify()).doesNotThrowAnyException();
    }

    @Test
    void externalIssuerWithoutAudienceIsRefused() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ISSUER_URI, "https://sso.example.com/realms/x")
                .withProperty(AUDIENCES, " ");

        assertThatThrownBy(() -> new TokenIssuerCheck(environment).verify())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void devIssuerOutsideLocalProfileIsRefused() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TokenIssuerCheck.DEV_ISSUER_ENABLED, "true")
                .withProperty(ISSUER_URI, "https://sso.example.com/realms/x");
        environment.setActiveProfiles("kubernetes");

        assertThatThrownBy(() -> new TokenIssuerCheck(environment).verify())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("only with the 'local' profile");
    }

    @Test
    void devIssuerTogetherWithExternalIssuerIsRefused() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TokenIssuerCheck.DEV_ISSUER_ENABLED, "true")
                .withProperty(ISSUER_URI, "https://sso.example.com/realms/x");
        environment.setActiveProfiles("local");

        assertThatThrownBy(() -> new TokenIssuerCheck(environment).verify())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("external issuer");
    }

    @Test
    void noIssuerAtAllIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty(ISSUER_URI, " ");

        assertThatThrownBy(() -> new TokenIssuerCheck(environment).verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No token issuer is configured");
    }
}
