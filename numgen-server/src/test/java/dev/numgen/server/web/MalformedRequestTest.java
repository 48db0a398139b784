package dev.numgen.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that are malformed below the API (the query string, media-type headers, the path, the request line, the
 * header block) get a 400-family RFC 9457 problem with the right status, with or without a token, and leave no
 * ERROR or stack trace in the log. Sent over a raw socket, since an HTTP client library refuses to send most of them.
 */
@LocalNodeTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTest {

    private static final TestNames NAMES = TestNames.of(MalformedRequestTest.class);
    /** A key no rule is registered under: the requests are refused before any rule is looked up. */
    private static final String UNREGISTERED = NAMES.key("X");

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private String admin;

    @BeforeEach
    void token() {
        admin = DevIssuerClient.token(
                issuer.port(), "numbers:generate", "prefix-configs:read", "prefix-configs:write", "numbers:admin");
    }

    @Test
    void undecodableQueryStringIsABadRequestWithoutToken(CapturedOutput output) throws IOException {
        for (String query : new String[] {"x=%ff", "a=%zz", "=1"}) {
            Reply reply = send("GET /actuator/health?" + query, null);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("field").asString()).isEqualTo("query");
        }
        assertQuietLog(output);
    }

    @Test
    void undecodableQueryStringIsABadRequestWithToken(CapturedOutput output) throws IOException {
        assertProblem(send("GET /api/numbers?x=%ff", bearer()), 400, "invalid-request");
        assertProblem(send("GET /api/provisional-numbers?x=%ff", bearer()), 400, "invalid-request");
        assertQuietLog(output);
    }

    /** The firewall checks parameter values only when a controller reads them; that too is a problem, not a 500. */
    @Test
    void controlCharacterInAControllersQueryParameterIsRejected(CapturedOutput output) throws IOException {
        assertProblem(send("GET /api/provisional-numbers?status=CONF%12IRMED", bearer()), 400, "request-rejected");
        assertQuietLog(output);
    }

    @Test
    void malformedAcceptIsABadRequest(CapturedOutput output) throws IOException {
        assertProblem(
                send("GET /api/numbers?prefixKey=" + UNREGISTERED, bearer() + "\r\nAccept: text/"),
                400,
                "invalid-request");
        assertProblem(send("GET /api/prefix-configs", bearer() + "\r\nAccept: text/"), 400, "invalid-request");
        assertQuietLog(output);
    }

    @Test
    void nullConsistentIdIsABadRequest(CapturedOutput output) throws IOException {
        String body = "{\"consistentIds\":[null]}";
        Reply reply = send(
                "PUT /api/cluster/baseline",
                bearer() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length(),
                body);
        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("field").asString()).isEqualTo("consistentIds[0]");
        assertQuietLog(output);
    }

    @Test
    void multipartContentTypeOnABodylessGetIsIgnored(CapturedOutput output) throws IOException {
        assertThat(send("GET /actuator/health", "Content-Type: multipart/form-data; boundary=x").status)
                .isEqualTo(200);
        assertThat(send("GET /api/prefix-configs", bearer() + "\r\nContent-Type: multipart/form-data").status)
                .isEqualTo(200);
        assertQuietLog(output);
    }

    @Test
    void pathsTheContainerOrFirewallRefuseAreProblemsNotHtmlOrTokenErrors(CapturedOutput output) throws IOException {
        for (String path : new String[] {
            "/api/prefix-configs/A%2FB",
            "/api/prefix-configs/%00",
            "/api/prefix-configs/%5c",
            "/api/prefix-configs;x=1",
            "//api/prefix-configs",
            "/api/prefix-configs/a%25b"
        }) {
            assertProblem(send("GET " + path, bearer()), 400, "request-rejected");
            assertProblem(send("GET " + path, null), 400, "request-rejected");
        }
        assertQuietLog(output);
    }

    @Test
    void oversizedRequestLineAndHeadersGet414And431(CapturedOutput output) throws IOException {
        assertProblem(send("GET /api/prefix-configs?q=" + "a".repeat(20_000), null), 414, "uri-too-long");
        assertProblem(send("GET /api/prefix-configs", "X-Big: " + "a".repeat(20_000)), 431, "headers-too-large");
        assertQuietLog(output);
    }

    @Test
    void bodiesOver64KiBAreRefusedBeforeTheyAreRead(CapturedOutput output) throws IOException {
        String big = NAMES.key("BIG");
        String rule = "{\"format\":\"B-{seq}\",\"description\":\"" + "d".repeat(70_000) + "\"}";
        Reply declared = send(
                "PUT /api/prefix-configs/" + big,
                bearer() + "\r\nContent-Type: application/json\r\nContent-Length: " + rule.length(),
                rule);
        assertProblem(declared, 413, "payload-too-large");
        String chunk = Integer.toHexString(rule.length()) + "\r\n" + rule + "\r\n0\r\n\r\n";
        Reply chunked = send(
                "PUT /api/prefix-configs/" + big,
                bearer() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunk);
        assertProblem(chunked, 413, "payload-too-large");
        assertThat(send("GET /api/prefix-configs/" + big, bearer()).status).isEqualTo(404);
        assertQuietLog(output);
    }

    /** The void reason's pattern is matched in linear time: a long reason ending in a control character is quick. */
    @Test
    void aLongReasonEndingInAControlCharacterIsRefusedQuickly() {
        String body = "{\"prefixKey\":\"" + UNREGISTERED + "\",\"reason\":\"" + "a ".repeat(30_000) + "\\u0007\"}";
        Reply reply = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> send(
                        "POST /api/numbers/X-1/void",
                        bearer() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length(),
                        body));
        assertProblem(reply, 400, "invalid-request");
    }

    @Test
    void theIssuingEndpointRefusesWhatTheFirewallRefusesElsewhere() throws IOException {
        for (String path : new String[] {
            "/api/numbers;x=1?prefixKey=" + UNREGISTERED, "//api/numbers?prefixKey=" + UNREGISTERED, "/api/./numbers"
        }) {
            assertProblem(send("GET " + path, bearer()), 400, "request-rejected");
        }
        Reply form = send(
                "POST /api/numbers?prefixKey=" + UNREGISTERED,
                bearer() + "\r\nContent-Type: text/plain\r\nContent-Length: 5",
                "hello");
        assertProblem(form, 415, "unsupported-media-type");
    }

    /** The firewall's message quotes the rejected header: with a token in it, that must not reach the log. */
    @Test
    void aHeaderTheFirewallRefusesLeavesNoTokenInTheLog(CapturedOutput output) throws IOException {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("dev.numgen.server.security.ResourceServerSecurity");
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String signature = admin.substring(admin.lastIndexOf('.') + 1);
            Reply reply = sendBytes(
                    "GET /api/prefix-configs",
                    ("Authorization: Bearer " + admin + "\u0085").getBytes(StandardCharsets.ISO_8859_1));
            assertProblem(reply, 400, "request-rejected");
            assertThat(output.getAll()).contains("Firewall refused").doesNotContain(signature);
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void methodsNoRouteAnswersGet405(CapturedOutput output) throws IOException {
        Reply trace = send("TRACE /api/prefix-configs", bearer());
        assertProblem(trace, 405, "method-not-allowed");
        assertThat(trace.header("Allow")).contains("GET");
        assertProblem(send("FOO /api/prefix-configs", null), 405, "method-not-allowed");
        assertQuietLog(output);
    }

    private String bearer() {
        return "Authorization: Bearer " + admin;
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status).as(reply.raw).isEqualTo(status);
        assertThat(reply.header("content-type")).as(reply.raw).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(reply.body).doesNotContain("Exception", "Tomcat", "<html");
    }

    /** One short line at most for such a request: no ERROR, no stack trace. */
    private static void assertQuietLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(" ERROR ", "\tat org.", "Exception:");
    }

    private Reply send(String requestLine, String headers) throws IOException {
        return send(requestLine, headers, "");
    }

    private Reply sendBytes(String requestLine, byte[] header) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(header);
            out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Reply.parse(readAll(socket.getInputStream()));
        }
    }

    private Reply send(String requestLine, String headers, String body) throws IOException {
        String request = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (headers == null ? "" : headers + "\r\n") + "\r\n" + body;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Reply.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                bytes.write(buffer, 0, read);
            }
        } catch (java.net.SocketException e) {
            // The server may reset a connection it refused after answering; what arrived is the answer.
        }
        // One character per byte, so that chunk sizes (in bytes) can be counted in characters; see Reply.parse.
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private record Reply(int status, String head, String body, String raw) {

        static Reply parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            int status = raw.isEmpty() ? -1 : Integer.parseInt(head.split(" ", 3)[1]);
            return new Reply(status, head, body, raw.length() > 2000 ? raw.substring(0, 2000) : raw);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
