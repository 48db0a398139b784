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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The OpenAPI document is the contract: schemathesis generates requests from it, valid and invalid, against a real
 * node and checks that no request gets a 5xx or a status the document does not list, that every schema-valid request
 * is accepted and every invalid one refused, and that every response, problems included, matches its documented schema, media type and headers.
 * (security-tests/schemathesis holds the tool's pinned version and configuration.)
 *
 * <p>It runs once with every scope, then once per narrower token (each scope alone, and none): what such a token may
 * not do is refused with a 401 or 403 problem, and those answers are held to the document as strictly as the others.
 *
 * <p>The fuzzer registers rules, issues and voids numbers and sends its own Idempotency-Keys, and what it tries depends
 * on what it finds: it runs on a node of its own that holds only the rules the document's examples name, and that node
 * is closed after it, so it neither meets what other test classes left nor leaves anything for them.
 */
@LocalNodeTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class ApiContractTest {

    /** What every response must keep, whatever the token may do: no 5xx, and status, media type, body and headers documented. */
    private static final List<String> CONFORMANCE = List.of(
            "not_a_server_error",
            "status_code_conformance",
            "content_type_conformance",
            "response_schema_conformance",
            "response_headers_conformance");
    /** With every scope the requests reach the operations, so the data checks apply too. */
    private static final List<String> DATA = List.of("positive_data_acceptance", "negative_data_rejection");
    /**
     * Tokens that may call only part of the API: most of their requests are refused with 401 or 403 problems, which
     * must conform to the document like any other answer. Fewer examples each (10 instead of the configured 40, 40 with
     * {@code -Dfuzz.full=true}), since most answers are the same refusal.
     */
    private static final Map<String, List<String>> NARROW_SCOPE_SETS = narrowScopeSets();

    private static final int NARROW_MAX_EXAMPLES = Boolean.getBoolean("fuzz.full") ? 40 : 10;

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Test
    @DirtiesContext
    void everyOperationKeepsTheDocumentedContractForEveryScopeSet() throws IOException, InterruptedException {
        ApiClient api = new ApiClient(port);
        String admin = DevIssuerClient.token(
                issuer.port(), "numbers:generate", "prefix-configs:read", "prefix-configs:write", "numbers:admin");
        registerTheExamplesRules(api, admin);

        SoftAssertions scopeSets = new SoftAssertions();
        checkContract(scopeSets, "all-scopes", admin, concat(CONFORMANCE, DATA), List.of());
        for (Map.Entry<String, List<String>> scopeSet : NARROW_SCOPE_SETS.entrySet()) {
            String token =
                    DevIssuerClient.token(issuer.port(), scopeSet.getValue().toArray(String[]::new));
            checkContract(
                    scopeSets,
                    scopeSet.getKey(),
                    token,
                    CONFORMANCE,
                    List.of("--max-examples", String.valueOf(NARROW_MAX_EXAMPLES)));
        }
        scopeSets.assertAll();
    }

    private static Map<String, List<String>> narrowScopeSets() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("numbers-generate", List.of("numbers:generate"));
        sets.put("prefix-configs-read", List.of("prefix-configs:read"));
        sets.put("prefix-configs-write", List.of("prefix-configs:write"));
        sets.put("numbers-admin", List.of("numbers:admin"));
        sets.put("no-scope", List.of());
        return sets;
    }

    /**
     * The document's examples name ORDER, so generated requests reach a registered rule, not only 404s; and a GAPLESS
     * INVOICE with numbers taken with and without a key and one voided, so the register's pages hold every kind of
     * entry.
     */
    private static void registerTheExamplesRules(ApiClient api, String admin) {
        assertThat(api.putRule("ORDER", admin, rule("ORD-{seq:6}").build()).status())
                .isEqualTo(201);
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
    }

    /** One schemathesis run with {@code token}; its JUnit report and log go to target/schemathesis/{@code name}. */
    private void checkContract(
            SoftAssertions scopeSets, String name, String token, List<String> checks, List<String> options)
            throws IOException, InterruptedException {
        Path reports = Path.of("target", "schemathesis", name).toAbsolutePath();
        Path log = reports.resolve("schemathesis.log");
        Files.createDirectories(reports);
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Repository.file("security-tests/schemathesis/run.sh").toString(),
                "http://127.0.0.1:" + port,
                token,
                reports.toString(),
                "--checks",
                String.join(",", checks),
                "--phases",
                "examples,coverage,fuzzing",
                "--continue-on-failure",
                "--no-color",
                // The token is a test issuer's, valid for this run only; seeing the values makes a failure
                // reproducible.
                "--output-sanitize",
                "false"));
        command.addAll(options);
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
        scopeSets
                .assertThat(finished)
                .as(name + ": schemathesis finished within 15 minutes")
                .isTrue();
        if (finished) {
            scopeSets.assertThat(process.exitValue()).as(name + ":\n" + output).isZero();
        }
        scopeSets.assertThat(output).as(name + ": schemathesis ran test cases").containsPattern("\\d+ generated");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
