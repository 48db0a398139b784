package dev.numgen.ignite.cluster;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteIllegalStateException;
import org.apache.ignite.Ignition;
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
public final class MajorityTopologyValidator implements TopologyValidator {

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public boolean validate(Collection<ClusterNode> nodes) {
        Ignite node = ignite;
        if (node == null) {
            // A copy of the cache configuration that travelled in a discovery message (deactivation) is not injected.
            // Ignite calls the validator on its own threads, which name their node.
            try {
                node = Ignition.localIgnite();
            } catch (IgniteIllegalStateException e) {
                return false;
            }
        }
        Collection<BaselineNode> baseline = node.cluster().currentBaselineTopology();
        if (baseline == null || baseline.isEmpty()) {
            // Only an in-memory cluster has no baseline; a persistent one is active only with one.
            return true;
        }
        return isMajority(nodes, baseline);
    }

    /**
     * Whether the caches take writes on {@code ignite}'s current topology: the same rule as {@link #validate}, applied
     * to the server nodes the node sees now.
     */
    public static boolean admitsWrites(Ignite ignite) {
        Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
        return baseline == null
                || baseline.isEmpty()
                || isMajority(ignite.cluster().forServers().nodes(), baseline);
    }

    static boolean isMajority(Collection<ClusterNode> nodes, Collection<BaselineNode> baseline) {
        Set<Object> members = members(baseline);
        return isMajority(present(nodes, members), members.size());
    }

    /** The one majority rule, for the caches and for {@link ClusterMajority}: strictly more than half. */
    static boolean isMajority(int present, int baselineSize) {
        return baselineSize > 0 && present * 2 > baselineSize;
    }

    static Set<Object> members(Collection<BaselineNode> baseline) {
        return baseline.stream().map(BaselineNode::consistentId).collect(Collectors.toSet());
    }

    /** How many of {@code nodes} are baseline server nodes. */
    static int present(Collection<ClusterNode> nodes, Set<Object> members) {
        return (int) nodes.stream()
                .filter(node -> !node.isClient() && members.contains(node.consistentId()))
                .count();
    }

    @Override
    public String toString() {
        return "MajorityTopologyValidator";
    }
}
