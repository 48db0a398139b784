package dev.numgen.server.api;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The OpenAPI document is the contract: schemathesis generates requests from it, valid and invalid, against a real
 * node and checks that no request gets a 5xx or a status the document does not list, that every schema-valid request
 * is accepted and every invalid one refused, and that every response matches its documented schema and media type.
 * (security-tests/schemathesis holds the tool's pinned version and configuration.)
 *
 * <p>The fuzzer registers rules, issues and voids numbers and sends its own Idempotency-Keys, and what it tries depends
 * on what it finds: it runs on a node of its own that holds only the rules the document's examples name, and that node
 * is closed after it, so it neither meets what other test classes left nor leaves anything for them.
 */
@LocalNodeTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class ApiContractTest {

    private static final String CHECKS = String.join(
            ",",
            "not_a_server_error",
            "status_code_conformance",
            "content_type_conformance",
            "response_schema_conformance",
            "positive_data_acceptance",
            "negative_data_rejection");

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Test
    @DirtiesContext
    void everyOperationKeepsTheDocumentedContract() throws IOException, InterruptedException {
        ApiClient api = new ApiClient(port);
        String admin = DevIssuerClient.token(
                issuer.port(), "numbers:generate", "prefix-configs:read", "prefix-configs:write", "numbers:admin");
        // The document's examples name this rule, so generated requests reach a registered rule, not only 404s.
        assertThat(api.putRule("ORDER", admin, rule("ORD-{seq:6}").build()).status())
                .isEqualTo(201);
        // The register's examples name a GAPLESS rule, with numbers taken with and without a key and one voided, so
        // generated requests read pages of every kind of entry.
        assertThat(api.putRule(
                                "INVOICE",
                                admin,
                                rule("INV-{seq:6}").strategy("GAPLESS").build())
                        .status())
                .isEqualTo(201);
        api.get("/api/numbers?prefixKey=INVOICE&count=2", admin).expect(200);
        api.getWithHeaders("/api/numbers?prefixKey=INVOICE", admin, "Idempotency-Key", "contract-invoice")
                .expect(200);
        api.post("/api/numbers/INV-000002/void", admin, "{\"prefixKey\":\"INVOICE\",\"reason\":\"contract\"}")
                .expect(201);

        Path reports = Path.of("target", "schemathesis");
        Path log = reports.resolve("schemathesis.log");
        Files.createDirectories(reports);
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Repository.file("security-tests/schemathesis/run.sh").toString(),
                "http://127.0.0.1:" + port,
                admin,
                reports.toString(),
                "--checks",
                CHECKS,
                "--phases",
                "examples,coverage,fuzzing",
                "--continue-on-failure",
                "--no-color",
                // The token is a test issuer's, valid for this run only; seeing the values makes a failure
                // reproducible.
                "--output-sanitize",
                "false"));
        String seed = System.getProperty("schemathesis.seed");
        if (seed != null) {
            command.addAll(List.of("--seed", seed));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("schemathesis finished within 15 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("schemathesis ran test cases").containsPattern("\\d+ generated");
    }
}
