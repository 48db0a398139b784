package dev.numgen.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load shape of k6/shapes, the one source of the stages and thresholds that the k6 scripts and this twin share: its
 * {@code full} and {@code reduced} scenarios, its thresholds in k6's syntax and, for fault recovery, its fault.
 */
record Shape(
        String name,
        String description,
        Map<String, Scenario> runs,
        Map<String, List<Threshold>> thresholds,
        Optional<Fault> fault) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Node {@code killNode} is killed {@code at} into each run; a request that takes longer than {@code slowMs}
     * counts as stalled as much as one that fails.
     */
    record Fault(int killNode, Map<String, Duration> at, long slowMs) {

        Duration at(String run) {
            Duration when = at.get(run);
            if (when == null) {
                throw new IllegalArgumentException("the fault has no time for the run \"" + run + "\"");
            }
            return when;
        }
    }

    static Shape load(Path file) {
        try {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            return parse(name, JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Shape parse(String name, JsonNode json) {
        Map<String, Scenario> runs = new LinkedHashMap<>();
        for (String run : List.of("full", "reduced")) {
            if (json.hasNonNull(run)) {
                runs.put(run, Scenario.parse(json.get(run)));
            }
        }
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> metric : json.path("thresholds").properties()) {
            List<Threshold> parsed = new ArrayList<>();
            for (JsonNode expression : metric.getValue()) {
                String text = expression.isObject()
                        ? Scenario.required(expression, "threshold").asString()
                        : expression.asString();
                parsed.add(Threshold.parse(metric.getKey(), text));
            }
            thresholds.put(metric.getKey(), List.copyOf(parsed));
        }
        return new Shape(name, json.path("description").asString(""), runs, thresholds, fault(json.path("fault")));
    }

    private static Optional<Fault> fault(JsonNode json) {
        if (json.isMissingNode() || json.isNull()) {
            return Optional.empty();
        }
        Map<String, Duration> at = new LinkedHashMap<>();
        for (String run : List.of("full", "reduced")) {
            if (json.has(run)) {
                at.put(
                        run,
                        Durations.parse(Scenario.required(json.get(run), "at").asString()));
            }
        }
        return Optional.of(new Fault(
                Scenario.required(json, "killNode").asInt(),
                at,
                json.path("slowMs").asLong(1000)));
    }

    Scenario run(String run) {
        Scenario scenario = runs.get(run);
        if (scenario == null) {
            throw new IllegalArgumentException("the shape " + name + " has no run \"" + run + "\"");
        }
        return scenario;
    }
}
