package dev.numgen.system.ignite;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Starts this service's embedded Ignite server node; the node lives as long as the context. */
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

    @Bean(initMethod = "start", destroyMethod = "close")
    ClusterActivator clusterActivator(Ignite ignite, IgniteProperties properties) {
        return new ClusterActivator(ignite, properties.initialBaselineSize());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ClusterMajority clusterMajority(Ignite ignite, IgniteProperties properties) {
        return new ClusterMajority(ignite, properties.cutOffTimeout());
    }

    /** Cluster nodes against the baseline, and whether this node is in the majority (DESIGN §6). */
    @Bean
    MeterBinder clusterMetrics(ClusterMajority majority) {
        return meters -> {
            Gauge.builder(
                            "numgen.cluster.server.nodes",
                            majority,
                            m -> m.standing().serverNodes())
                    .description("Server nodes in this node's view of the cluster")
                    .register(meters);
            Gauge.builder(
                            "numgen.cluster.baseline.nodes",
                            majority,
                            m -> m.standing().baselineSize())
                    .description("Nodes in the baseline")
                    .register(meters);
            Gauge.builder(
                            "numgen.cluster.baseline.present",
                            majority,
                            m -> m.standing().baselinePresent())
                    .description("Baseline nodes present in this node's view")
                    .register(meters);
            Gauge.builder("numgen.cluster.majority", majority, m -> m.inMajority() ? 1 : 0)
                    .description("1 while this node is in an active cluster holding a majority of the baseline")
                    .register(meters);
            Gauge.builder("numgen.cluster.active", majority, m -> m.standing().active() ? 1 : 0)
                    .description("1 while the cluster is active")
                    .register(meters);
        };
    }

    @Bean
    ClusterAdmin clusterAdmin(Ignite ignite, ClusterMajority majority) {
        return new ClusterAdmin(ignite, majority);
    }

    @Bean
    ClusterHealth clusterHealth(ClusterMajority majority) {
        return new ClusterHealth(majority);
    }

    @Bean
    HealthIndicator clusterMajorityHealthIndicator(ClusterHealth health) {
        return health::majority;
    }

    @Bean
    HealthIndicator clusterCutOffHealthIndicator(ClusterHealth health) {
        return health::cutOff;
    }

    @Bean
    IgniteStore igniteStore(Ignite ignite, IgniteProperties properties) {
        return new IgniteStore(ignite, properties.activationTimeout());
    }
}
