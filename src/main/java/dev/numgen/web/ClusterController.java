package dev.numgen.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.system.ignite.ClusterAdmin;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cluster and its baseline, for operators (scope {@code numbers:admin}). */
@RestController
class ClusterController {

    private final ClusterAdmin admin;

    ClusterController(ClusterAdmin admin) {
        this.admin = admin;
    }

    /** The server nodes the caller expects online; the baseline becomes exactly these. */
    record BaselineRequest(List<String> consistentIds) {}

    @GetMapping("/api/cluster")
    ClusterAdmin.View cluster() {
        return admin.view();
    }

    @PutMapping("/api/cluster/baseline")
    ClusterAdmin.View baseline(@RequestBody BaselineRequest body) {
        if (body == null || body.consistentIds() == null || body.consistentIds().isEmpty()) {
            throw new InvalidIssueRequestException(
                    "consistentIds", "consistentIds must list the server nodes that are to form the baseline");
        }
        return admin.resetBaselineToOnlineNodes(body.consistentIds());
    }
}
