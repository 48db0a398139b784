package dev.numgen.server.cluster;

import dev.numgen.ignite.cluster.ClusterActivator;
import dev.numgen.ignite.cluster.ClusterAdmin;
import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.server.node.IgniteProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster feature: activating the cluster once the first baseline is there, watching this node's majority
 * (health, metrics, the quorum the use cases ask), and the baseline changes of {@code /api/cluster}.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    ClusterActivator clusterActivator(Ignite ignite, IgniteProperties properties) {
        return new ClusterActivator(ignite, properties.initialBaselineSize());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ClusterMajority clusterMajority(Ignite ignite, IgniteProperties properties) {
        return new ClusterMajority(ignite, properties.cutOffTimeout());
    }

    /** Cluster nodes against the baseline, and whether this node is in the majority. */
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
}
