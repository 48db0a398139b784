package dev.numgen.server.testing;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as the API tests read it; status -1 when no response came. */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    public JsonNode json() {
        return JsonMapper.shared().readTree(body);
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
