package dev.numgen.server.node;

import dev.numgen.ignite.node.IgniteConfigurationLoader;
import dev.numgen.ignite.store.IgniteStore;
import java.io.IOException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Starts this service's embedded Ignite server node and the store the adapters share; the node lives as long as the context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IgniteProperties.class)
class IgniteNodeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IgniteNodeConfiguration.class);

    static {
        // Ignite would otherwise contact the internet for version checks and print banners.
        System.setProperty(IgniteSystemProperties.IGNITE_UPDATE_NOTIFIER, "false");
        System.setProperty(IgniteSystemProperties.IGNITE_NO_ASCII, "true");
        System.setProperty(IgniteSystemProperties.IGNITE_PERFORMANCE_SUGGESTIONS_DISABLED, "true");
    }

    @Bean(destroyMethod = "close")
    Ignite ignite(IgniteProperties properties, ConfigurableEnvironment environment, ResourceLoader resources)
            throws IOException {
        Resource xml = resources.getResource(properties.config());
        if (!xml.exists()) {
            throw new IllegalStateException("Ignite configuration not found: " + properties.config());
        }
        IgniteConfiguration configuration = IgniteConfigurationLoader.load(xml, environment);
        Ignite ignite = Ignition.start(configuration);
        log.info(
                "Ignite node {} started from {} (work directory {}, cluster state {})",
                configuration.getConsistentId(),
                properties.config(),
                configuration.getWorkDirectory(),
                ignite.cluster().state());
        return ignite;
    }

    @Bean
    IgniteStore igniteStore(Ignite ignite, IgniteProperties properties) {
        return new IgniteStore(ignite, properties.activationTimeout());
    }
}
