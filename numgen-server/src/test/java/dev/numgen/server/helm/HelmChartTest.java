package dev.numgen.server.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Lints and renders helm/numgen (helm from helm/install.sh) and checks what keeps a release safe and whole. */
class HelmChartTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CHART = REPO.resolve("helm/numgen");
    private static final String ISSUER = "--set=oauth2.issuerUri=https://issuer.test/";
    private static String helm;

    @BeforeAll
    static void installHelm() throws Exception {
        Result installed = run(List.of(REPO.resolve("helm/install.sh").toString()));
        assertThat(installed.exitCode).as(installed.output).isZero();
        String[] lines = installed.stdout.strip().split("\n");
        helm = lines[lines.length - 1];
    }

    @Test
    void lintsStrictlyWithEachValuesSet() throws Exception {
        for (List<String> values : List.of(
                List.of(ISSUER),
                List.of("--set=devIssuer.enabled=true"),
                List.of("-f", CHART.resolve("ci/production-values.yaml").toString()))) {
            List<String> command = new ArrayList<>(List.of(helm, "lint", "--strict", CHART.toString()));
            command.addAll(values);
            Result lint = run(command);
            assertThat(lint.exitCode).as(lint.output).isZero();
        }
    }

    @Test
    void aValuesTypoFailsTheSchema() throws Exception {
        Result typo = helm("template", "r", CHART.toString(), ISSUER, "--set=persistence.walSzie=1Gi");
        assertThat(typo.exitCode).isNotZero();
        assertThat(typo.output).contains("walSzie");
    }

    @Test
    void withoutAnIssuerNothingRenders() throws Exception {
        Result none = helm("template", "r", CHART.toString());
        assertThat(none.exitCode).isNotZero();
        assertThat(none.output).contains("oauth2.issuerUri is required");
    }

    @Test
    void statefulSetRunsNodesInParallelAsTheirPodNamesUnprivileged() throws Exception {
        Map<String, Object> sts = one(render(ISSUER), "StatefulSet");
        Map<String, Object> spec = map(sts, "spec");
        assertThat(spec.get("podManagementPolicy")).isEqualTo("Parallel");
        assertThat(spec.get("replicas")).isEqualTo(3);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(60);
        assertThat(map(pod, "securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 10001)
                .containsEntry("fsGroup", 10001)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        Map<String, Object> container = maps(pod, "containers").get(0);
        assertThat(map(container, "securityContext"))
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat(env(container))
                .containsEntry("NUMGEN_IGNITE_CONSISTENT_ID", "$(POD_NAME)")
                .containsEntry("NUMGEN_IGNITE_INITIAL_BASELINE_SIZE", "3")
                .containsEntry("NUMGEN_IGNITE_LOCAL_HOST", "$(POD_IP)")
                .containsEntry("SERVER_SHUTDOWN", "graceful");
        assertThat(maps(spec, "volumeClaimTemplates"))
                .extracting(claim -> map(claim, "metadata").get("name"))
                .containsExactly("storage", "wal");
        assertThat(map(map(container, "readinessProbe"), "httpGet").get("path"))
                .isEqualTo("/actuator/health/readiness");
        assertThat(map(map(container, "livenessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
    }

    @Test
    void discoveryServiceListsNotReadyPods() throws Exception {
        Map<String, Object> discovery = render(ISSUER).stream()
                .filter(doc -> "Service".equals(doc.get("kind")))
                .filter(doc -> "r-numgen-discovery".equals(map(doc, "metadata").get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(map(discovery, "spec"))
                .containsEntry("publishNotReadyAddresses", true)
                .containsEntry("clusterIP", "None");
    }

    @Test
    void roleOnlyGetsTheDiscoveryEndpoints() throws Exception {
        Map<String, Object> role = one(render(ISSUER), "Role");
        assertThat(maps(role, "rules"))
                .containsExactly(Map.of(
                        "apiGroups",
                        List.of(""),
                        "resources",
                        List.of("endpoints"),
                        "resourceNames",
                        List.of("r-numgen-discovery"),
                        "verbs",
                        List.of("get")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void disruptionBudgetKeepsTheMajority(int replicas) throws Exception {
        Map<String, Object> pdb = one(render(ISSUER, "--set=replicas=" + replicas), "PodDisruptionBudget");
        assertThat(map(pdb, "spec").get("minAvailable")).isEqualTo(replicas / 2 + 1);
    }

    @Test
    void networkPolicyOpensIgnitePortsToTheReleaseAndItsClientsOnly() throws Exception {
        Map<String, Object> policy = one(render(ISSUER), "NetworkPolicy");
        List<Map<String, Object>> ingress = maps(map(policy, "spec"), "ingress");
        assertThat(ingress).hasSize(2);
        assertThat(maps(ingress.get(0), "ports"))
                .extracting(port -> port.get("port"))
                .containsExactly(47500, 47100);
        assertThat(maps(ingress.get(0), "from")).hasSize(2);
        assertThat(maps(ingress.get(1), "ports"))
                .extracting(port -> port.get("port"))
                .containsExactly(8080);
    }

    @Test
    void devIssuerOpensItsPortOnlyWhenEnabled() throws Exception {
        Map<String, Object> on = one(render("--set=devIssuer.enabled=true"), "StatefulSet");
        Map<String, Object> container = maps(map(map(map(on, "spec"), "template"), "spec"), "containers")
                .get(0);
        assertThat(env(container))
                .containsEntry("NUMGEN_SECURITY_DEV_ISSUER_ISSUER_URI", "http://r-numgen:9000")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
        assertThat(render(ISSUER).toString()).doesNotContain("9000");
    }

    @Test
    void productionPasswordsComeFromTheSecretOnly() throws Exception {
        List<Map<String, Object>> docs =
                render("-f", CHART.resolve("ci/production-values.yaml").toString());
        assertThat(docs).noneMatch(doc -> "ConfigMap".equals(doc.get("kind")) || "Secret".equals(doc.get("kind")));
        Map<String, Object> sts = one(docs, "StatefulSet");
        assertThat(map(sts, "spec").get("replicas")).isEqualTo(5);
        Map<String, Object> container = maps(map(map(map(sts, "spec"), "template"), "spec"), "containers")
                .get(0);
        for (Map<String, Object> variable : maps(container, "env")) {
            if (variable.get("name").toString().contains("PASSWORD")) {
                assertThat(variable).doesNotContainKey("value");
                assertThat(map(map(variable, "valueFrom"), "secretKeyRef")).containsEntry("name", "numgen-tls");
            }
        }
        assertThat(env(container)).containsEntry("NUMGEN_IGNITE_TLS_ENABLED", "true");
        assertThat(one(docs, "PodDisruptionBudget").toString()).contains("minAvailable=3");
    }

    private static List<Map<String, Object>> render(String... values) throws Exception {
        List<String> command = new ArrayList<>(List.of("template", "r", CHART.toString()));
        command.addAll(List.of(values));
        Result rendered = helm(command.toArray(String[]::new));
        assertThat(rendered.exitCode).as(rendered.output).isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(rendered.stdout)) {
            if (doc != null) {
                docs.add(cast(doc));
            }
        }
        return docs;
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found =
                docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.HashMap<>();
        for (Map<String, Object> variable : maps(container, "env")) {
            if (variable.get("value") != null) {
                env.put(variable.get("name").toString(), variable.get("value").toString());
            }
        }
        return env;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return cast(parent.get(key));
    }

    private static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Result helm(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(helm));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("helm", ".out");
        Path err = Files.createTempFile("helm", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int exitCode = process.waitFor();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            return new Result(exitCode, stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Result(int exitCode, String stdout, String output) {}
}
