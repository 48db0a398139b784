package dev.numgen.server.cluster;

import dev.numgen.ignite.cluster.BaselineChangeRefusedException;
import dev.numgen.ignite.cluster.ClusterAdmin;
import dev.numgen.server.web.ApiConstraints;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cluster and its baseline, for operators (scope {@code numbers:admin}). */
@RestController
class ClusterController {

    static final int MAX_NODES = 256;

    private final ClusterAdmin admin;

    ClusterController(ClusterAdmin admin) {
        this.admin = admin;
    }

    /** The server nodes the caller expects online; the baseline becomes exactly these. */
    record BaselineRequest(
            @ArraySchema(schema = @Schema(pattern = ApiConstraints.CONSISTENT_ID))
            @NotEmpty
            @Size(min = 1, max = MAX_NODES)
            List<@NotNull @Pattern(regexp = ApiConstraints.CONSISTENT_ID) String> consistentIds) {}

    @GetMapping({"/api/cluster", "/cluster"})
    ClusterAdmin.View cluster() {
        return admin.view();
    }

    @PutMapping({"/api/cluster/baseline", "/cluster/baseline"})
    ClusterAdmin.View baseline(@RequestBody @Valid BaselineRequest body) throws BaselineChangeRefusedException {
        return admin.resetBaselineToOnlineNodes(body.consistentIds());
    }
}
