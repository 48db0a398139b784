package dev.numgen.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * k6/shapes/traffic.json: the rules every shape registers first, and the weighted mix of issue requests. The twin
 * takes the mix in a fixed rotation (iteration i gets entry {@code i mod total weight} of the weighted list), so a run
 * sends exactly the proportions asked for.
 */
record Traffic(Map<String, String> rules, List<Request> mix) {

    /** {@code GET /api/numbers?prefixKey=KEY&count=N}. */
    record Request(int weight, String prefixKey, int count) {

        String path() {
            return "/api/numbers?prefixKey=" + prefixKey + "&count=" + count;
        }
    }

    static Traffic load(Path file) {
        try {
            JsonNode json = Shape.JSON.readTree(Files.readString(file));
            Map<String, String> rules = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> rule : json.path("rules").properties()) {
                rules.put(rule.getKey(), rule.getValue().toString());
            }
            List<Request> mix = new ArrayList<>();
            for (JsonNode entry : Scenario.required(json, "mix")) {
                mix.add(new Request(
                        entry.path("weight").asInt(1),
                        Scenario.required(entry, "prefixKey").asString(),
                        entry.path("count").asInt(1)));
            }
            return new Traffic(rules, List.copyOf(mix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request of iteration {@code iteration}. */
    Request request(long iteration) {
        int total = mix.stream().mapToInt(Request::weight).sum();
        long slot = iteration % total;
        for (Request request : mix) {
            slot -= request.weight();
            if (slot < 0) {
                return request;
            }
        }
        throw new IllegalStateException("no request in the mix");
    }
}
