package dev.numgen.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The operators' view of the cluster and the baseline change (adding or dropping nodes). */
@LocalNodeTest
class ClusterApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String admin;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
    }

    @Test
    void showsTheNodeTheBaselineAndTheMajority() {
        HttpReply reply = api.get("/api/cluster", admin);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode cluster = reply.json();
        String self = cluster.path("localNode").asString();
        assertThat(self).isNotBlank();
        assertThat(cluster.path("active").asBoolean()).isTrue();
        assertThat(cluster.path("inMajority").asBoolean()).isTrue();
        assertThat(cluster.path("serverNodes").get(0).asString()).isEqualTo(self);
        assertThat(cluster.path("baseline").get(0).path("consistentId").asString())
                .isEqualTo(self);
        assertThat(cluster.path("baseline").get(0).path("online").asBoolean()).isTrue();
    }

    @Test
    void baselineBecomesTheOnlineNodesOnlyWhenTheCallerNamesExactlyThose() {
        String self = api.get("/api/cluster", admin)
                .expect(200)
                .json()
                .path("localNode")
                .asString();

        HttpReply wrong = api.put("/api/cluster/baseline", admin, "{\"consistentIds\":[\"" + self + "\",\"node-9\"]}");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.json().path("type").asString()).endsWith("/baseline-change-refused");

        assertThat(api.put("/api/cluster/baseline", admin, "{\"consistentIds\":[]}")
                        .status())
                .isEqualTo(400);

        HttpReply set = api.put("/api/cluster/baseline", admin, "{\"consistentIds\":[\"" + self + "\"]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("baseline").size()).isEqualTo(1);
        assertThat(set.json().path("inMajority").asBoolean()).isTrue();
    }

    @Test
    void baselineBodiesWithUnknownFieldsOrWrongTypesAreRefused() {
        String self = api.get("/api/cluster", admin)
                .expect(200)
                .json()
                .path("localNode")
                .asString();
        HttpReply unknown = api.put(
                "/api/cluster/baseline", admin, "{\"consistentIds\":[\"" + self + "\",\"node-9\"],\"force\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asString()).isEqualTo("force");
        HttpReply number = api.put("/api/cluster/baseline", admin, "{\"consistentIds\":[\"" + self + "\",9]}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().path("field").asString()).isEqualTo("consistentIds[1]");
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheCluster() {
        String generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        assertThat(api.get("/api/cluster", generator).status()).isEqualTo(403);
        assertThat(api.put("/api/cluster/baseline", generator, "{\"consistentIds\":[\"x\"]}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/cluster", null).status()).isEqualTo(401);
    }
}
