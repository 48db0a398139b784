package dev.numgen.client.autoconfigure;

import dev.numgen.client.NumberClient;
import dev.numgen.client.NumberClientSettings;
import dev.numgen.ignite.node.ClusterTls;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A {@link NumberClient} bean from the {@code numgen.client.*} properties, started with the context (it waits for the
 * cluster, at most {@code numgen.client.start-timeout}) and closed with it. An application that defines its own
 * NumberClient keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties(NumberClientProperties.class)
@ConditionalOnProperty(prefix = "numgen.client", name = "enabled", matchIfMissing = true)
public class NumberClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    NumberClient numberClient(NumberClientProperties properties, Environment environment) {
        return NumberClient.start(settings(properties, environment));
    }

    static NumberClientSettings settings(NumberClientProperties properties, Environment environment) {
        NumberClientSettings.Builder builder = NumberClientSettings.builder()
                .discoveryAddresses(properties.getDiscoveryAddresses())
                .nodeName(Optional.ofNullable(properties.getNodeName())
                        .orElse(environment.getProperty("spring.application.name")))
                .caller(properties.getCaller())
                .workDirectory(properties.getWorkDir())
                .localHost(properties.getLocalHost())
                .communicationPort(properties.getCommunicationPort())
                .portRange(properties.getPortRange())
                .startTimeout(properties.getStartTimeout())
                .failureDetectionTimeout(properties.getFailureDetectionTimeout())
                .peerClassLoading(properties.isPeerClassLoading());
        NumberClientProperties.Tls tls = properties.getTls();
        if (!tls.isEnabled()) {
            builder.withoutTls();
        } else if (tls.getKeyStore() != null || tls.getTrustStore() != null) {
            builder.tls(tls(tls));
        }
        // With TLS on and no stores, build() refuses and says which properties to set.
        return builder.build();
    }

    /** Read by ClusterTls itself, so that a missing or wrong setting is named by its property. */
    private static ClusterTls tls(NumberClientProperties.Tls tls) {
        String prefix = NumberClientSettings.TLS_PREFIX;
        Map<String, Object> values = new HashMap<>();
        values.put(prefix + ".enabled", "true");
        putIfSet(values, prefix + ".key-store", tls.getKeyStore());
        putIfSet(values, prefix + ".key-store-password", tls.getKeyStorePassword());
        putIfSet(values, prefix + ".trust-store", tls.getTrustStore());
        putIfSet(values, prefix + ".trust-store-password", tls.getTrustStorePassword());
        StandardEnvironment view = new StandardEnvironment();
        view.getPropertySources().addFirst(new MapPropertySource("numgen-client-tls", values));
        return ClusterTls.from(view, prefix).orElseThrow();
    }

    private static void putIfSet(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }
}
