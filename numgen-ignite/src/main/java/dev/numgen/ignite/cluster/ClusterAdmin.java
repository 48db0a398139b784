package dev.numgen.ignite.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.BaselineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster as an operator sees it, and the one baseline change numgen offers: make the baseline the server nodes
 * that are online now. That adds a new node (start it, then set the baseline) or drops one that is gone for good.
 * Only a node in the majority of the current baseline may do it, so the minority side of a partition can never
 * declare itself the cluster.
 */
public final class ClusterAdmin {

    private static final Logger log = LoggerFactory.getLogger(ClusterAdmin.class);

    private final Ignite ignite;
    private final ClusterMajority majority;

    public ClusterAdmin(Ignite ignite, ClusterMajority majority) {
        this.ignite = ignite;
        this.majority = majority;
    }

    /** A baseline node and whether it is in the topology now. */
    public record Member(String consistentId, boolean online) {}

    /** What the operator sees. */
    public record View(
            String localNode, boolean active, boolean inMajority, List<String> serverNodes, List<Member> baseline) {}

    public View view() {
        ClusterMajority.Standing standing = majority.standing();
        if (!standing.nodeRunning()) {
            return new View(null, false, false, List.of(), List.of());
        }
        try {
            Set<String> online = serverIds();
            Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
            List<Member> members = baseline == null
                    ? List.of()
                    : baseline.stream()
                            .map(node -> String.valueOf(node.consistentId()))
                            .sorted()
                            .map(id -> new Member(id, online.contains(id)))
                            .toList();
            return new View(
                    String.valueOf(ignite.cluster().localNode().consistentId()),
                    standing.active(),
                    standing.inMajority(),
                    online.stream().sorted().toList(),
                    members);
        } catch (IllegalStateException e) {
            return new View(null, false, false, List.of(), List.of());
        }
    }

    /**
     * Sets the baseline to the server nodes online now.
     *
     * @param expected the consistent ids the caller expects online, as a check that it sees the same cluster
     * @throws BaselineChangeRefusedException when this node is not in the majority, or the online nodes differ from
     *     {@code expected}
     */
    public View resetBaselineToOnlineNodes(List<String> expected) throws BaselineChangeRefusedException {
        if (!majority.inMajority()) {
            throw new BaselineChangeRefusedException(
                    "this node is not in the majority of the current baseline; change the baseline from a node that is");
        }
        Set<String> online = serverIds();
        Set<String> wanted = Set.copyOf(expected);
        if (!online.equals(wanted)) {
            throw new BaselineChangeRefusedException(
                    "the online server nodes are " + online.stream().sorted().toList() + ", not "
                            + wanted.stream().sorted().toList() + "; nothing was changed");
        }
        log.warn(
                "Baseline set to the online server nodes {} by an operator",
                online.stream().sorted().toList());
        ignite.cluster().setBaselineTopology(ignite.cluster().topologyVersion());
        return view();
    }

    private Set<String> serverIds() {
        return ignite.cluster().forServers().nodes().stream()
                .map(node -> String.valueOf(node.consistentId()))
                .collect(Collectors.toSet());
    }
}
