package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.devissuer.DevIssuerKeys;
import dev.numgen.server.security.SecurityCases.Injection;
import dev.numgen.server.security.SecurityCases.Route;
import dev.numgen.server.security.SecurityCases.Spelling;
import dev.numgen.server.security.SecurityCases.TokenDefect;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.LogCapture;
import dev.numgen.server.testing.RawHttp;
import dev.numgen.server.testing.SecretScanner;
import dev.numgen.server.testing.TestNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The security matrices of {@code security-tests/cases/}, against the whole service on a real Tomcat: every route
 * under every spelling with every token defect (routes.tsv × spellings.tsv × token-defects.tsv), every hostile input
 * of injection.tsv, and afterwards every log line the node wrote in the meantime, scanned for secrets. Writes each case
 * and its result to {@code target/security-tests/results.md}.
 */
@LocalNodeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMatrixTest {

    private static final TestNames NAMES = TestNames.of(SecurityMatrixTest.class);
    private static final String RULE = NAMES.key("INJ");
    private static final String HOSTILE = NAMES.key("RE");
    private static final String INERT = NAMES.key("INERT");
    /** Generous on this shared machine; a request the service hangs on takes far longer. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    ConfigurableEnvironment environment;

    private LogCapture log;
    private RawHttp raw;
    private ApiClient api;
    private ForgedTokens tokens;
    private String admin;
    private SecretScanner scanner;
    private final SecurityResults results = new SecurityResults();
    private final List<AccessOutcome> access = new ArrayList<>();

    /** One cell of the access matrix: what was sent and what came back. */
    private record AccessOutcome(
            Route route,
            Spelling spelling,
            String path,
            TokenDefect defect,
            int status,
            String type,
            String challenge,
            String failure) {

        boolean passed() {
            return failure == null;
        }

        String verdict() {
            return status + " " + type + " " + challenge;
        }
    }

    @BeforeAll
    void start() {
        log = LogCapture.open("dev.numgen", "org.springframework.security", "org.springframework.web");
        raw = new RawHttp(port, DEADLINE);
        api = new ApiClient(port);
        tokens = new ForgedTokens(DevIssuerKeys.signingKey(issuer), issuer.issuerUri());
        admin = tokens.valid(ForgedTokens.ALL_SCOPES);
        scanner = SecretScanner.standard()
                .withSecretsOf(environment)
                .with(DevIssuerKeys.signingKey(issuer).getPrivateExponent().toString());
    }

    @AfterAll
    void writeResults() {
        log.close();
        results.write();
    }

    @Test
    @Order(1)
    void theRoutesTableNamesEveryRouteRule() {
        Set<String> tabled = SecurityCases.routes().stream()
                .filter(route -> route.scope() != null)
                .map(route -> route.ruleKey() + " " + route.scope())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> ruled = RouteRules.RULES.stream()
                .map(rule -> rule.method() + " " + rule.path() + " " + rule.scope())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(tabled)
                .as("security-tests/cases/routes.tsv against RouteRules")
                .isEqualTo(ruled);
    }

    @Test
    @Order(2)
    void everySpellingOfEveryRouteRefusesEveryTokenDefect() {
        List<TokenDefect> defects = SecurityCases.tokenDefects();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("route", "spelling", "path sent"));
        defects.forEach(defect -> header.add(defect.name()));
        table.add(header);
        for (Route route : SecurityCases.routes()) {
            for (Spelling spelling : SecurityCases.spellings()) {
                spelling.apply(route.concretePath()).ifPresent(path -> {
                    List<String> row = new ArrayList<>(
                            List.of(route.method() + " " + route.path(), spelling.name(), "`" + cell(path) + "`"));
                    for (TokenDefect defect : defects) {
                        AccessOutcome outcome = attempt(route, spelling, path, defect);
                        access.add(outcome);
                        row.add(outcome.passed() ? String.valueOf(outcome.status()) : "**" + outcome.failure() + "**");
                    }
                    table.add(row);
                });
            }
        }
        results.section(
                "Unauthorised access: every route × spelling × token defect",
                access.size() + " cases, " + failed(access) + " failed. A cell is the status the case got (every one"
                        + " also checked for an application/problem+json body of the right type, the WWW-Authenticate"
                        + " error of its defect, and no secret in the body); a failed case shows what was wrong."
                        + " Expected: 400 request-rejected for the spellings the firewall refuses, otherwise 401, and"
                        + " 403 for scope-too-few (see security-tests/cases/token-defects.tsv).",
                table);

        assertThat(access.stream().filter(outcome -> !outcome.passed()).map(AccessOutcome::toString))
                .as("failed access cases")
                .isEmpty();
    }

    @Test
    @Order(3)
    void theIssuingEndpointAnswersEveryDefectAsTheChainsRoutesDo() {
        assertThat(access).as("the access matrix ran first").isNotEmpty();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("spelling", "defect", "issuing endpoint (GET, POST)", "the filter chain's routes", "same"));
        List<String> differences = new ArrayList<>();
        for (Spelling spelling : SecurityCases.spellings()) {
            for (TokenDefect defect : SecurityCases.tokenDefects()) {
                Set<String> issuing = verdicts(spelling, defect, true);
                Set<String> chain = verdicts(spelling, defect, false);
                if (issuing.isEmpty()) {
                    continue;
                }
                boolean same = issuing.equals(chain);
                if (!same) {
                    differences.add(
                            spelling.name() + " " + defect.name() + ": issuing " + issuing + ", chain " + chain);
                }
                table.add(List.of(
                        spelling.name(),
                        defect.name(),
                        cell(String.join("; ", issuing)),
                        cell(String.join("; ", chain)),
                        same ? "yes" : "**no**"));
            }
        }
        results.section(
                "The issuing endpoint against the filter chain",
                "Per spelling and defect, the answers (status, problem type, WWW-Authenticate scheme with its"
                        + " parameter names and error) of the issuing endpoint, which answers ahead of the filter"
                        + " chain, and of every route behind it that needs a token.",
                table);

        assertThat(differences).isEmpty();
    }

    private Set<String> verdicts(Spelling spelling, TokenDefect defect, boolean issuingEndpoint) {
        return access.stream()
                .filter(outcome -> outcome.defect().equals(defect)
                        && outcome.spelling().name().equals(spelling.name()))
                .filter(outcome -> outcome.route().path().equals("/api/numbers") == issuingEndpoint)
                .filter(outcome -> outcome.route().scope() != null)
                .map(AccessOutcome::verdict)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Order(4)
    void everyHostileInputIsRefusedQuicklyAsAProblemAndChangesNothing() {
        Map<String, String> names = fixtures();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("id", "field", "why", "request", "expected", "got", "ms", "state"));
        List<String> failures = new ArrayList<>();
        State before = state();
        for (Injection injection : SecurityCases.injections()) {
            long started = System.nanoTime();
            HttpReply reply;
            String failure;
            try {
                reply = send(injection, names);
                failure = refusalFailure(injection, reply);
            } catch (RawHttp.Hung hung) {
                reply = new HttpReply(-1, Map.of(), "");
                failure = hung.getMessage();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            State after = state();
            String changed = before.differences(after);
            if (failure == null && !changed.isEmpty()) {
                failure = "state changed: " + changed;
            }
            before = after;
            if (failure != null) {
                failures.add(injection.id() + ": " + failure + " " + reply.body());
            }
            table.add(List.of(
                    injection.id(),
                    injection.field(),
                    cell(injection.why()),
                    "`" + cell(injection.method() + " " + injection.target()) + "`"
                            + (injection.headers().isEmpty() ? "" : " `" + cell(injection.headers()) + "`")
                            + (injection.body().isEmpty() ? "" : " `" + cell(injection.body()) + "`"),
                    cell(injection.expect()),
                    failure == null ? got(reply) : "**" + cell(failure) + "**",
                    String.valueOf(millis),
                    changed.isEmpty() ? "unchanged" : "**" + cell(changed) + "**"));
        }
        results.section(
                "Input injection",
                SecurityCases.injections().size() + " cases, " + failures.size() + " failed. Each answered within "
                        + DEADLINE.toSeconds() + " s as the expected problem (or, for accepted free text, stored as"
                        + " given); state: the injection rule, the rule list, its voids, the provisional numbers and"
                        + " the baseline read as before, and the next number issued follows the last one.",
                table);

        assertThat(failures).isEmpty();
    }

    @Test
    @Order(5)
    void theNodesLogHoldsNoSecret() {
        assertThat(log.lines()).as("the capture saw the node's DEBUG lines").isNotEmpty();
        List<String> findings = scanner.scan(log.text());
        results.section(
                "Secrets in the log",
                log.lines().size()
                        + " log lines written while the matrices ran (dev.numgen, org.springframework.security"
                        + " and org.springframework.web at DEBUG, everything else at its level), scanned by"
                        + " SecretScanner for JWTs, Authorization credentials, the development client secret, the"
                        + " issuer's private key and every property named like a password or secret: "
                        + findings.size() + " found.",
                findings.stream().map(finding -> List.of(cell(finding))).collect(Collectors.toCollection(() -> {
                    List<List<String>> rows = new ArrayList<>();
                    rows.add(List.of("finding"));
                    return rows;
                })));

        assertThat(findings).isEmpty();
    }

    // --- the access matrix

    private AccessOutcome attempt(Route route, Spelling spelling, String path, TokenDefect defect) {
        String authorization = tokens.authorization(defect.name(), route.scope());
        String target = switch (defect.name()) {
            case "query-string" -> path + "?access_token=" + admin;
            case "query-string-capitalised" -> path + "?Access_Token=" + admin;
            default -> path;
        };
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization.getBytes(StandardCharsets.ISO_8859_1)));
        }
        byte[] body = route.sendsBody() ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (route.sendsBody()) {
            headers.add(Map.entry("Content-Type", "application/json".getBytes(StandardCharsets.ISO_8859_1)));
            headers.add(Map.entry("Content-Length", "2".getBytes(StandardCharsets.ISO_8859_1)));
        }
        HttpReply reply;
        try {
            reply = raw.send(route.method(), target.getBytes(StandardCharsets.ISO_8859_1), headers, body);
        } catch (RawHttp.Hung hung) {
            return new AccessOutcome(route, spelling, path, defect, -1, "", "", "hung");
        }
        String type = problemType(reply);
        String challenge = challengeShape(reply.header("WWW-Authenticate"));
        String failure = accessFailure(spelling, defect, reply, type, challenge);
        return new AccessOutcome(route, spelling, path, defect, reply.status(), type, challenge, failure);
    }

    private String accessFailure(
            Spelling spelling, TokenDefect defect, HttpReply reply, String type, String challenge) {
        int expected = spelling.rejected() ? 400 : defect.status();
        // A request refused for its path and its query alike is refused by whichever layer looks first.
        Set<String> types = spelling.rejected()
                ? defect.status() == 400 ? Set.of("request-rejected", defect.type()) : Set.of("request-rejected")
                : Set.of(defect.type());
        if (reply.status() != expected) {
            return reply.status() + " (not " + expected + ")";
        }
        if (!types.contains(type)) {
            return reply.status() + " " + (type.isEmpty() ? "without a problem body" : type);
        }
        if (reply.status() == 401 || reply.status() == 403) {
            boolean named = defect.error().isEmpty()
                    ? !challenge.contains("error=")
                    : challenge.contains(" error=" + defect.error());
            if (!challenge.startsWith("Bearer") || !named) {
                return reply.status() + " challenge " + challenge;
            }
        }
        List<String> secrets = scanner.scan(reply.body());
        return secrets.isEmpty() ? null : reply.status() + " body holds " + secrets;
    }

    /** The problem type's last segment, or empty when the body is no problem. */
    private static String problemType(HttpReply reply) {
        String contentType = reply.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "";
        }
        try {
            String type = reply.json().path("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The scheme, the parameter names in order and the error's value: what two challenges must share. */
    static String challengeShape(String challenge) {
        if (challenge == null) {
            return "";
        }
        StringBuilder shape = new StringBuilder(challenge.split("[ ,]", 2)[0]);
        Matcher parameter = CHALLENGE_PARAMETER.matcher(challenge);
        while (parameter.find()) {
            shape.append(' ').append(parameter.group(1));
            if (parameter.group(1).equals("error")) {
                shape.append('=').append(parameter.group(2));
            }
        }
        return shape.toString();
    }

    // --- the injection matrix

    /** The rules the injection cases aim at, and the names their macros take. */
    private Map<String, String> fixtures() {
        String writer = admin;
        api.put(
                        "/api/prefix-configs/" + RULE,
                        writer,
                        "{\"format\":\"INJ-{var:region}-{seq:9}\",\"strategy\":\"GAPLESS\",\"variables\":"
                                + "{\"region\":{\"pattern\":\"[A-Z]{2}\",\"maxLength\":2}}}")
                .expect(201);
        api.put(
                        "/api/prefix-configs/" + HOSTILE,
                        writer,
                        "{\"format\":\"RE-{var:v}-{seq}\",\"variables\":{\"v\":{\"pattern\":\"(a+)+$\",\"maxLength\":40}}}")
                .expect(201);
        api.put("/api/prefix-configs/" + INERT, writer, "{\"format\":\"INERT-{seq}\"}")
                .expect(201);
        String number = api.get("/api/numbers?prefixKey=" + RULE + "&region=EU", admin)
                .numbers()
                .get(0);
        return Map.of("rule", RULE, "hostile", HOSTILE, "inert", INERT, "number", number);
    }

    private HttpReply send(Injection injection, Map<String, String> names) {
        byte[] body = SecurityCases.expand(injection.body(), names);
        List<Map.Entry<String, byte[]>> headers = injection.headerLines(value -> SecurityCases.expand(value, names));
        Set<String> given = headers.stream()
                .map(header -> header.getKey().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
        if (!given.contains("authorization")) {
            all.add(Map.entry("Authorization", ("Bearer " + admin).getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (body.length > 0 && !given.contains("content-type")) {
            all.add(Map.entry("Content-Type", "application/json".getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (body.length > 0 && !given.contains("content-length") && !given.contains("transfer-encoding")) {
            all.add(Map.entry("Content-Length", String.valueOf(body.length).getBytes(StandardCharsets.ISO_8859_1)));
        }
        all.addAll(headers);
        return raw.send(injection.method(), SecurityCases.expand(injection.target(), names), all, body);
    }

    /** What is wrong with the answer to an injection case, or null. */
    private String refusalFailure(Injection injection, HttpReply reply) {
        String contentType = String.valueOf(reply.header("Content-Type"));
        if (reply.body().contains("<html") || reply.body().contains("Exception")) {
            return reply.status() + " with HTML or an exception in the body";
        }
        List<String> secrets = scanner.scan(reply.body());
        if (!secrets.isEmpty()) {
            return reply.status() + " body holds " + secrets;
        }
        if (injection.accepted()) {
            if (reply.status() / 100 != 2 || !contentType.startsWith("application/json")) {
                return reply.status() + " " + contentType + " (not accepted as text)";
            }
            return reply.body().contains(injection.echo()) ? null : reply.status() + " without the text as given";
        }
        if (reply.status() != injection.status()) {
            return reply.status() + " " + problemType(reply) + " (not " + injection.status() + ")";
        }
        String type = problemType(reply);
        if (!type.equals(injection.type())) {
            return reply.status() + " " + (type.isEmpty() ? contentType + " body" : type);
        }
        String field = reply.json().path("field").asString("");
        if (injection.problemField() != null && !injection.problemField().equals(field)) {
            return reply.status() + " " + type + " field " + (field.isEmpty() ? "none" : field);
        }
        return null;
    }

    private static String got(HttpReply reply) {
        if (reply.status() / 100 == 2) {
            return String.valueOf(reply.status());
        }
        String field = reply.json().path("field").asString("");
        return reply.status() + " " + problemType(reply) + (field.isEmpty() ? "" : " " + cell(field));
    }

    /** What the injection cases must leave as it was. */
    private State state() {
        HttpReply rule = api.get("/api/prefix-configs/" + RULE, admin).expect(200);
        Set<String> keys = new TreeSet<>();
        api.get("/api/prefix-configs", admin)
                .expect(200)
                .json()
                .forEach(document -> keys.add(document.path("prefixKey").asString()));
        String voids = api.get("/api/prefix-configs/" + RULE + "/voids", admin)
                .expect(200)
                .body();
        String provisional =
                api.get("/api/provisional-numbers", admin).expect(200).body();
        String baseline = api.get("/api/cluster", admin)
                .expect(200)
                .json()
                .path("baseline")
                .toString();
        String next = api.get("/api/numbers?prefixKey=" + RULE + "&region=EU", admin)
                .numbers()
                .get(0);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("rule", rule.header("ETag") + " " + rule.body());
        parts.put("rule keys", keys.toString());
        parts.put("voids", voids);
        parts.put("provisional numbers", provisional);
        parts.put("baseline", baseline);
        return new State(parts, sequence(next));
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    /** What was read, and the sequence of the number issued last by the reading itself. */
    private record State(Map<String, String> parts, long issued) {

        String differences(State after) {
            List<String> changed = new ArrayList<>();
            parts.forEach((name, value) -> {
                if (!value.equals(after.parts.get(name))) {
                    changed.add(name);
                }
            });
            if (after.issued != issued + 1) {
                changed.add("numbers issued in between: " + (after.issued - issued - 1));
            }
            return String.join(", ", changed);
        }
    }

    private static long failed(List<AccessOutcome> outcomes) {
        return outcomes.stream().filter(outcome -> !outcome.passed()).count();
    }

    private static String cell(String text) {
        return SecurityResults.cell(text);
    }
}
