package dev.numgen.server.devissuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development issuer's own application context. Deliberately not a {@code @Configuration}: the main application's
 * component scan must never pick it up. It gets no parent, no listeners, no application.yml, no system properties and
 * only the auto-configuration a token endpoint needs, so nothing of {@code dev.numgen} (the Ignite node above all)
 * starts in it, and it neither re-initialises nor shuts down the JVM's logging.
 */
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
final class DevIssuerServer {

    private static final List<String> SCOPES =
            List.of("numbers:generate", "prefix-configs:read", "prefix-configs:write", "numbers:admin");

    record Settings(String issuerUri, RSAKey signingKey) {}

    static ConfigurableApplicationContext start(InetAddress address, int port, Settings settings) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource(
                "devIssuer",
                Map.ofEntries(
                        Map.entry("server.port", port),
                        Map.entry("server.address", address.getHostAddress()),
                        Map.entry("server.shutdown", "immediate"),
                        Map.entry("server.tomcat.threads.max", 4),
                        Map.entry("server.tomcat.threads.min-spare", 1))));
        AnnotationConfigServletWebServerApplicationContext context =
                new AnnotationConfigServletWebServerApplicationContext();
        context.setId("numgen-dev-issuer");
        context.setEnvironment(environment);
        context.getBeanFactory().registerSingleton("devIssuerSettings", settings);
        context.register(DevIssuerServer.class);
        context.refresh();
        return context;
    }

    @Bean
    RegisteredClientRepository registeredClients() {
        RegisteredClient client = RegisteredClient.withId(DevIssuer.CLIENT_ID)
                .clientId(DevIssuer.CLIENT_ID)
                .clientSecret("{noop}" + DevIssuer.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(SCOPES))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(Duration.ofHours(1))
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Settings settings) {
        return AuthorizationServerSettings.builder()
                .issuer(settings.issuerUri())
                .build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(Settings settings) {
        return new ImmutableJWKSet<>(new JWKSet(settings.signingKey()));
    }

    @Bean
    SecurityFilterChain tokenEndpoints(HttpSecurity http) throws Exception {
        return http.oauth2AuthorizationServer(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
