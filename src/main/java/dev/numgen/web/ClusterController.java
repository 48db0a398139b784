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

    static final int MAX_NODES = 256;
    static final int MAX_ID_LENGTH = 128;

    private final ClusterAdmin admin;

    ClusterController(ClusterAdmin admin) {
        this.admin = admin;
    }

    /** The server nodes the caller expects online; the baseline becomes exactly these. */
    record BaselineRequest(List<String> consistentIds) {}

    @GetMapping({"/api/cluster", "/cluster"})
    ClusterAdmin.View cluster() {
        return admin.view();
    }

    @PutMapping({"/api/cluster/baseline", "/cluster/baseline"})
    ClusterAdmin.View baseline(@RequestBody BaselineRequest body) {
        if (body == null || body.consistentIds() == null || body.consistentIds().isEmpty()) {
            throw new InvalidIssueRequestException(
                    "consistentIds", "consistentIds must list the server nodes that are to form the baseline");
        }
        if (body.consistentIds().size() > MAX_NODES) {
            throw new InvalidIssueRequestException("consistentIds", "a baseline has at most " + MAX_NODES + " nodes");
        }
        for (String id : body.consistentIds()) {
            if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
                throw new InvalidIssueRequestException(
                        "consistentIds",
                        "each consistent id is a non-blank string of at most " + MAX_ID_LENGTH + " characters");
            }
        }
        return admin.resetBaselineToOnlineNodes(body.consistentIds());
    }
}
