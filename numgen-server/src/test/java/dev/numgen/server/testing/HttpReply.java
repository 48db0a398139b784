package dev.numgen.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as the tests read it. (ApiClient throws when no response comes; the chaos harness says -1.) */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    public JsonNode json() {
        return JsonMapper.shared().readTree(body);
    }

    /** This answer once its status is {@code expected}, e.g. {@code api.get(...).expect(200).json()}. */
    public HttpReply expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected status " + expected + " but got " + status + ": " + body);
        }
        return this;
    }

    /** The numbers of an issuing answer, which must be a 200. */
    public List<String> numbers() {
        List<String> numbers = new ArrayList<>();
        expect(200).json().path("numbers").forEach(number -> numbers.add(number.asString()));
        return numbers;
    }

    /** The first value of a header, whatever its case, or null. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
