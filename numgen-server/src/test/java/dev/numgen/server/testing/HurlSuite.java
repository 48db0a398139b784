package dev.numgen.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * hurl/run.sh, the Hurl functional suite, run against a node or a cluster from a test, so that the suite is part of
 * the build and cannot fall out of date with the service. The test asserts on its exit status and on Hurl's JUnit
 * report, which run.sh writes under the report directory with the HTML report beside it.
 */
public final class HurlSuite {

    /** Long enough for run.sh to build Hurl with cargo first, on a machine that lacks it; the suite takes seconds. */
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    /**
     * What one run did: run.sh's exit status and output, its JUnit report's totals, and every secret (a token, the
     * client secret) found in the output or the reports, which Hurl should have redacted.
     */
    public record Outcome(
            int exitStatus, String output, int tests, int failures, int errors, List<String> secretsInReports) {

        /** Fails unless run.sh exited 0, every case file passed, and no token showed in the output or reports. */
        public void assertEveryCasePassed() {
            assertThat(exitStatus).as(output).isZero();
            assertThat(tests).as(output).isPositive().isEqualTo(caseFiles());
            assertThat(failures + errors).as(output).isZero();
            assertThat(secretsInReports)
                    .as("tokens in Hurl's output and reports")
                    .isEmpty();
        }
    }

    private HurlSuite() {}

    /** The suite's files: Hurl's JUnit report has one test case per file. */
    public static long caseFiles() {
        try (Stream<Path> files = Files.list(Repository.file("hurl"))) {
            return files.filter(file -> file.toString().endsWith(".hurl")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the suite against {@code baseUrl} with tokens from {@code issuerUrl}, reports under {@code reportDir}. */
    public static Outcome run(String baseUrl, String issuerUrl, Path reportDir)
            throws IOException, InterruptedException {
        Files.createDirectories(reportDir.getParent());
        Path log = reportDir.resolveSibling(reportDir.getFileName() + ".log");
        Process suite = new ProcessBuilder(
                        "bash", Repository.file("hurl/run.sh").toString(), baseUrl, issuerUrl, reportDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!suite.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        "hurl/run.sh did not finish within " + PATIENCE + ":\n" + Files.readString(log));
            }
        } finally {
            suite.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        List<String> secrets = secretsIn(output, reportDir);
        Path report = reportDir.resolve("junit.xml");
        if (!Files.exists(report)) {
            return new Outcome(suite.exitValue(), output, 0, 0, 0, secrets);
        }
        NodeList suites = parse(report).getElementsByTagName("testsuite");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element testSuite = (Element) suites.item(i);
            tests += count(testSuite, "tests");
            failures += count(testSuite, "failures");
            errors += count(testSuite, "errors");
        }
        return new Outcome(suite.exitValue(), output, tests, failures, errors, secrets);
    }

    /** The secrets in run.sh's output and in every report file (not the suite's own inputs under files/). */
    private static List<String> secretsIn(String output, Path reportDir) throws IOException {
        SecretScanner scanner = SecretScanner.standard();
        List<String> findings = new ArrayList<>(scanner.scan(output));
        if (Files.isDirectory(reportDir)) {
            try (Stream<Path> files = Files.walk(reportDir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(file -> !file.startsWith(reportDir.resolve("files")))
                        .toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    scanner.scan(text).forEach(finding -> findings.add(reportDir.relativize(file) + ": " + finding));
                }
            }
        }
        return findings;
    }

    private static int count(Element testSuite, String attribute) {
        String value = testSuite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static Document parse(Path report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(report.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("Hurl's JUnit report " + report + " is not readable XML", e);
        }
    }
}
