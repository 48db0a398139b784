package dev.numgen.system.ignite;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.TopologyValidator;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Open-source Ignite 2.x has no split-brain protection: after a network partition each side carries on as a cluster of
 * its own. Every numgen cache carries this validator, so a cache accepts writes only on a topology that holds a strict
 * majority of the baseline; on the minority side every write (a block reservation, a GAPLESS increment, a rule change)
 * fails, and reads still work. Ignite evaluates it on each topology change.
 */
final class MajorityTopologyValidator implements TopologyValidator {

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public boolean validate(Collection<ClusterNode> nodes) {
        Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
        if (baseline == null || baseline.isEmpty()) {
            // Only an in-memory cluster has no baseline; a persistent one is active only with one.
            return true;
        }
        return isMajority(nodes, baseline);
    }

    static boolean isMajority(Collection<ClusterNode> nodes, Collection<BaselineNode> baseline) {
        Set<Object> members = baseline.stream().map(BaselineNode::consistentId).collect(Collectors.toSet());
        long present = nodes.stream()
                .filter(node -> !node.isClient() && members.contains(node.consistentId()))
                .count();
        return present * 2 > members.size();
    }

    @Override
    public String toString() {
        return "MajorityTopologyValidator";
    }
}
