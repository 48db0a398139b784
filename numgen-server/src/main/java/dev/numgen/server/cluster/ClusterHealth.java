package dev.numgen.server.cluster;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.cluster.ClusterMajority.Standing;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Readiness and liveness from the cluster's point of view. Readiness: serve traffic only while in the majority (a load
 * balancer sends clients to nodes that issue regular numbers). Liveness: fail once cut off from the majority for too
 * long, so the node is restarted and rejoins.
 */
public final class ClusterHealth {

    private final ClusterMajority majority;

    public ClusterHealth(ClusterMajority majority) {
        this.majority = majority;
    }

    Health majority() {
        Standing standing = majority.standing();
        return details(standing.inMajority() ? Health.up() : Health.status(Status.OUT_OF_SERVICE), standing)
                .build();
    }

    Health cutOff() {
        return details(majority.cutOff() ? Health.down() : Health.up(), majority.standing())
                .build();
    }

    private static Health.Builder details(Health.Builder builder, Standing standing) {
        return builder.withDetail("igniteNodeRunning", standing.nodeRunning())
                .withDetail("clusterActive", standing.active())
                .withDetail("serverNodes", standing.serverNodes())
                .withDetail("baselineNodes", standing.baselineSize())
                .withDetail("baselineNodesPresent", standing.baselinePresent());
    }
}
